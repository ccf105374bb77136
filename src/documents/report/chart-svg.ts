/**
 * A report chart as SVG (echarts, server-side rendering): horizontal bars, one per category, with
 * a title and a legend in the image and a <title>/<desc> for assistive technology. The web pages
 * show it as an image beside the same numbers in a table.
 */
import { loadEcharts } from '../../libraries.js';
import type { ChartSpec } from './model.js';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export async function renderChartSvg(spec: ChartSpec, opts: { width?: number } = {}): Promise<string> {
  const echarts = await loadEcharts();
  const width = opts.width ?? 760;
  const barsPerCategory = spec.stacked ? 1 : spec.series.length;
  const height = 90 + spec.categories.length * (12 + 14 * barsPerCategory);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Arial, Helvetica, sans-serif', color: '#1d1d1d' },
      legend: { top: 4, left: 'center', textStyle: { fontSize: 12 }, itemWidth: 14, itemHeight: 10 },
      grid: { left: 8, right: 48, top: 40, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
      yAxis: { type: 'category', inverse: true, data: spec.categories, axisLabel: { fontSize: 11, width: 200, overflow: 'truncate' } },
      series: spec.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        ...(spec.stacked ? { stack: 'total' } : {}),
        barMaxWidth: 18,
        itemStyle: { color: `#${s.color}`, borderColor: '#ffffff', borderWidth: spec.stacked ? 1 : 0 },
      })),
    });
    const svg = chart.renderToSVGString();
    // A title and description as the first children, for readers of the SVG itself.
    return svg.replace(/^<svg([^>]*)>/, (_, attrs: string) => `<svg${attrs} role="img"><title>${escapeXml(spec.title)}</title><desc>${escapeXml(spec.summary)}</desc>`);
  } finally {
    chart.dispose();
  }
}
