import type { EChartsCoreOption } from 'echarts';
import { loadEcharts } from '../../libraries.js';
import { CONCERN_TYPES, ENVIRONMENTS, LABELS, type Lang } from '../../domain/situation/categories.js';
import type { Cell } from '../../domain/suppression.js';
import type { TChart } from './schema.js';

/**
 * Charts of the situation picture as SVG, rendered on the server (ECharts SSR). The web app
 * shows each as an image with a text alternative and the same figures in a data table beside
 * it; hidden counts ("<5", "..") are left out of the chart and shown in the table.
 */

// Colour-blind safe palette (Okabe–Ito), dark enough against white.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif';

const value = (c: Cell) => (typeof c === 'number' ? c : null);

function render(echarts: Awaited<ReturnType<typeof loadEcharts>>, option: EChartsCoreOption, width = 720, height = 360): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: FONT, color: '#1b1f23' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function bars(categories: string[], values: Cell[], opts: { horizontal?: boolean } = {}) {
  const labelAxis = { type: 'category', data: categories, axisLabel: { color: '#1b1f23', fontSize: 12, interval: 0, width: 150, overflow: 'break' } };
  const valueAxis = { type: 'value', minInterval: 1, axisLabel: { color: '#1b1f23' } };
  return {
    grid: { left: opts.horizontal ? 170 : 50, right: 30, top: 20, bottom: opts.horizontal ? 30 : 80 },
    xAxis: opts.horizontal ? valueAxis : labelAxis,
    yAxis: opts.horizontal ? { ...labelAxis, inverse: true } : valueAxis,
    series: [{ type: 'bar', data: values.map(value), label: { show: true, position: opts.horizontal ? 'right' : 'top', color: '#1b1f23' } }],
  };
}

export interface ChartInput {
  lang: Lang;
  year: number;
  byType: Record<string, Cell>;
  byEnvironment: Record<string, Cell>;
  trend: { year: number; byEnvironment: Record<string, Cell> }[];
  perBoard?: { name: string; total: Cell }[];
}

export async function situationCharts(input: ChartInput): Promise<TChart[]> {
  const echarts = await loadEcharts();
  const draw = (option: EChartsCoreOption, width?: number, height?: number) => render(echarts, option, width, height);
  const L = LABELS[input.lang];
  const sv = input.lang === 'sv';
  const charts: TChart[] = [
    {
      key: 'environment',
      title: sv ? `Rapporter per miljö ${input.year}` : `Reports by environment ${input.year}`,
      svg: draw(bars(ENVIRONMENTS.map((e) => L.environment[e]), ENVIRONMENTS.map((e) => input.byEnvironment[e]))),
    },
    {
      key: 'type',
      title: sv ? `Rapporter per typ ${input.year}` : `Reports by type ${input.year}`,
      svg: draw(bars(CONCERN_TYPES.map((t) => L.type[t]), CONCERN_TYPES.map((t) => input.byType[t]), { horizontal: true }), 720, 400),
    },
  ];
  if (input.trend.length > 1) {
    charts.push({
      key: 'trend',
      title: sv ? 'Utveckling över åren per miljö' : 'Trend over the years by environment',
      svg: draw({
        grid: { left: 50, right: 30, top: 60, bottom: 40 },
        legend: { top: 0, textStyle: { color: '#1b1f23' } },
        xAxis: { type: 'category', data: input.trend.map((p) => String(p.year)), axisLabel: { color: '#1b1f23' } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1b1f23' } },
        series: ENVIRONMENTS.map((e, i) => ({
          type: 'line',
          name: L.environment[e],
          data: input.trend.map((p) => value(p.byEnvironment[e])),
          symbol: ['circle', 'rect', 'triangle', 'diamond'][i],
          symbolSize: 9,
          lineStyle: { width: 3, type: (['solid', 'dashed', 'dotted', 'solid'] as const)[i] },
          connectNulls: false,
        })),
      }),
    });
  }
  if (input.perBoard) {
    charts.push({
      key: 'boards',
      title: sv ? `Rapporter per nämnd ${input.year}` : `Reports by board ${input.year}`,
      svg: draw(bars(input.perBoard.map((b) => b.name), input.perBoard.map((b) => b.total), { horizontal: true }), 720, Math.max(300, 40 + input.perBoard.length * 24)),
    });
  }
  return charts;
}
