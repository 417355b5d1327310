// Paints the app's header and the plan list's heading in the user's language before the
// app's code arrives, so a first visit shows the page at once; the app replaces it when
// it starts. The texts are the translation layer's own (a test checks they match).
(function () {
  var texts = {
    en: ['Your strategy plans', 'Work through the three phases — Information, Strategy, Operative — one plan per business function. Everything you type is kept in this browser.'],
    de: ['Ihre Strategiepläne', 'Durchlaufen Sie die drei Phasen – Informationsphase, Strategiephase, operative Phase – mit einem Plan je Unternehmensbereich. Alles, was Sie eingeben, bleibt in diesem Browser gespeichert.'],
    bg: ['Вашите стратегически планове', 'Минете през трите фази – информационна, стратегическа, оперативна – с по един план за всяка бизнес функция. Всичко, което въведете, се пази в този браузър.']
  };
  var lang = null;
  try { lang = (JSON.parse(localStorage.getItem('socialplan.v1.settings')) || {}).lang; } catch (e) { lang = null; }
  if (!texts[lang]) {
    var wanted = (navigator.languages || [navigator.language || 'en']).map(function (l) { return String(l).split(/[-_]/)[0].toLowerCase(); });
    lang = wanted.filter(function (l) { return texts[l]; })[0] || 'en';
  }
  document.documentElement.lang = lang;
  var page = document.getElementById('shell-page');
  if (!page) return;
  // Only the plan list has this heading; other screens show the header alone.
  if (location.hash.indexOf('#/plans/') === 0 || location.hash.indexOf('#/worksheets/') === 0 || location.hash.indexOf('#/import/') === 0) {
    page.hidden = true;
    return;
  }
  page.querySelector('.shell-title').textContent = texts[lang][0];
  page.querySelector('.lead').textContent = texts[lang][1];
})();
