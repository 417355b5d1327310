// A large plan for measuring: 40 objectives, 100 KPIs with 260 weekly values each,
// 200 tactics with 10 indicators each, 400 landscape findings, 50 channels, 90 actions.
export function largePlan() {
  const day = (n) => new Date(Date.UTC(2021, 0, 4) + n * 86400000).toISOString().slice(0, 10);
  const levels = ['applications', 'impact', 'customers', 'conversations', 'features'];
  const plan = {
    id: 'large', name: 'Large plan', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    information: {
      landscape: { generic_strategy: 'Differentiation', findings: Array.from({ length: 400 }, (_, i) => ({
        id: `f${i}`, level: levels[i % 5], text: `Finding ${i} about the market and the customers`, polarity: i % 3 ? 'opportunity' : 'threat', weight: 1 + (i % 5) })) },
      audit: { channels: Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, name: `Channel ${i}`, audience: 1000 * i, engagement: 'medium', owner: 'Team', notes: '' })) },
    },
    strategy: {
      focus: { function: 'marketing', horizon_years: 5, start: day(0) },
      mission: 'Build a community.',
      business_objectives: Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, text: `Business objective ${i}` })),
      objectives: Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, text: `Objective ${i}`, business_objectives: [`b${i % 10}`], perspective: 'customer' })),
      kpis: Array.from({ length: 100 }, (_, i) => ({
        id: `k${i}`, objective: `o${i % 40}`, name: `KPI ${i}`, business_goal: 'increase_revenue', unit: 'people',
        direction: 'higher_is_better', baseline: 100, target: 1000, deadline: day(5 * 365), frequency: 'weekly', source: 'Analytics', owner: 'Team',
        actuals: Array.from({ length: 260 }, (_, w) => ({ period: day(7 * (w + 1)), value: 100 + w * 3.5 + (w % 7) })) })),
      tactics: Array.from({ length: 200 }, (_, i) => ({ id: `t${i}`, objective: `o${i % 40}`, text: `Tactic ${i}` })),
      indicators: Array.from({ length: 2000 }, (_, i) => ({ id: `i${i}`, tactic: `t${Math.floor(i / 10)}`, text: `Indicator ${i}`, kept: i % 10 < 3 })),
    },
    operative: {
      actions: Array.from({ length: 90 }, (_, i) => ({
        id: `a${i}`, plan: ['enabling', 'organisation', 'technical'][i % 3], title: `Action ${i}`, owner: `Owner ${i % 7}`,
        due: day(30 * (i + 1)), status: ['open', 'in_progress', 'done', 'dropped'][i % 4], serves: { objective: `o${i % 40}` }, notes: '' })),
    },
  };
  return { format: 'socialplan', schema_version: 1, app_version: 'bench', exported_at: '2026-01-01T00:00:00Z', plan };
}
