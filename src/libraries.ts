/**
 * The large libraries that only some requests need — charts (ECharts), spreadsheets (ExcelJS) and
 * PDFs (pdfmake) — loaded on the first request that needs them instead of at start-up, where
 * together they took about 0.75 s of a 2–3 s start. Each is loaded once; later calls get the same
 * module. (The personal-data guard's name lists are loaded the same way, by the guard.)
 */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
};

export const loadEcharts = once(() => import('echarts'));
export const loadExcelJS = once(async () => (await import('exceljs')).default);
export const loadPdfmake = once(async () => (await import('pdfmake')).default);
