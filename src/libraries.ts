/**
 * The large libraries that only some requests need — charts (ECharts), spreadsheets (ExcelJS) and
 * PDFs (pdfmake) — loaded on the first request that needs them instead of at start-up, where
 * together they took about 0.75 s of a 2–3 s start. Node's module cache loads each once; later calls
 * get the same module. (The personal-data guard's name lists are loaded the same way, by the guard;
 * so are the Word renderers with docx, where a document is exported, the HTML sanitiser, nodemailer,
 * the OpenID Connect client and the PostgreSQL server's driver, each where it is used.)
 */
export const loadEcharts = () => import('echarts');
export const loadExcelJS = async () => (await import('exceljs')).default;
export const loadPdfmake = async () => (await import('pdfmake')).default;
