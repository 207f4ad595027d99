// pdf.js's worker code, imported to run in this thread (pdf.js's "fake worker"); only handed back to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
