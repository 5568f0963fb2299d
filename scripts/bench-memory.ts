/**
 * One measurement of scripts/bench-check.ts's peak memory, in a process of its own:
 *
 *   node build/scripts/bench-memory.js exceljs|check FILE
 *
 * does the task once — exceljs's bare read, or Budgetkoll's whole check (read and engine) — and
 * prints the process's peak resident memory (maxRSS) as JSON. Each task loads only the code it
 * needs, as a process that does it would: the check does not carry exceljs, nor the read SheetJS.
 */
async function main(): Promise<void> {
  const [task, file] = process.argv.slice(2);
  if (task === 'exceljs') {
    const { default: ExcelJS } = await import('exceljs');
    await new ExcelJS.Workbook().xlsx.readFile(file);
  } else if (task === 'check') {
    const { readWorkbookFile } = await import('../src/files/readWorkbookFile');
    const { analyzeGrid } = await import('../src/core/analyze');
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(read.reason);
    analyzeGrid(read.value);
  } else {
    throw new Error(`unknown task ${task}: exceljs or check`);
  }
  // maxRSS: the most resident memory the process ever had, in KiB.
  console.log(JSON.stringify({ maxRssKib: process.resourceUsage().maxRSS }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
