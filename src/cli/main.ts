import { parseArgs } from './args';
import { EXIT_FAILED } from './exitCodes';
import { processIo, type Io } from './io';

// Each command's module is loaded when it is run: `check` never loads the writers of the
// corrected copy, the .docx or the demo (about a third of the command's start-up).

const USAGE = `Användning:
  budgetkoll check FIL.xlsx... [--json] [--sheet NAMN] [--opening-equity ÅR=BELOPP]
                   [--reserve-percent P | --reserve-brackets KR:P,…] [--reserve-base allocation|costs]
                   [--municipal-split KOMMUN=P,…]
  budgetkoll fix FIL.xlsx [-o UTFIL.xlsx] [samma val som check]
  budgetkoll sections FIL.xlsx [-o UTFIL.docx] [--forbund NAMN] [--compare TIDIGARE.xlsx [--threshold N]]
                   [samma val som check]
  budgetkoll diff TIDIGARE.xlsx NY.xlsx [--json] [--sheet NAMN] [samma val som check]
  budgetkoll demo [-o MAPP]

  check   kontrollerar budgettabellerna i arbetsböckerna: summor, följdfel, avrundningar,
          eget kapital år för år mot riktvärdet (standard 20 % av medlemmarnas tilldelning)
          och medlemmarnas andelar (½ stat, ¼ region, ¼ kommuner).
          Slutkod 0: inga fel, 1: minst ett fel, 2: en fil kunde inte läsas eller fel argument.
  fix     skriver en rättad kopia (aldrig originalet): felaktiga och inskrivna summor blir
          formler, celler med fynd markeras och får en kommentar, och bladet ”Budgetkoll”
          listar fynden. Standardnamn: FIL-rattad.xlsx.
  sections skriver verksamhetsplanens avsnitt (uppdrag, budget, budgetkommentar, eget kapital,
          fördelning av medel, förslag till beslut) som ett Word-dokument, med de omräknade
          summorna. --forbund anger förbundets namn när arbetsboken inte gör det.
          --compare lägger till avsnittet ”Förändringar jämfört med föregående förslag”:
          ändringarna mot den tidigare versionen som är minst --threshold i tabellens enhet
          (standard 100 tkr, 100 000 kr eller 0,1 mkr). Standardnamn: FIL-avsnitt.docx.
  diff    jämför två versioner av budgeten (till exempel det preliminära och det antagna
          förslaget): ändrade, nya och borttagna rader år för år, omräknade summor som ändrats,
          eget kapital vid årets slut och vilka fynd som är åtgärdade, nya och kvar.
          Slutkod 0: jämförd, 2: en fil kunde inte läsas eller fel argument.
  demo    kör check, fix och sections på de medföljande exempelbudgetarna och skriver allt i out/.
`;

/** The command's entry point; returns the exit status and never throws at the user. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const args = parseArgs(argv);
  const debug = args.options.has('--debug');
  if (args.error) {
    io.err(`budgetkoll: ${args.error}\n${USAGE}`);
    return EXIT_FAILED;
  }
  if (!args.command || args.command === 'help' || args.options.has('--help')) {
    io.out(USAGE);
    return args.command ? 0 : EXIT_FAILED;
  }
  try {
    switch (args.command) {
      case 'check': return await (await import('./check')).runCheck(args, io);
      case 'fix': return await (await import('./fix')).runFix(args, io);
      case 'sections': return await (await import('./sections')).runSections(args, io);
      case 'diff': return await (await import('./diff')).runDiff(args, io);
      case 'demo': return await (await import('./demo')).runDemo(args, io);
      default:
        io.err(`budgetkoll: okänt kommando ”${args.command}”\n${USAGE}`);
        return EXIT_FAILED;
    }
  } catch (e) {
    io.err(`budgetkoll: ett oväntat fel inträffade: ${(e as Error).message}\n`);
    if (debug) io.err(`${(e as Error).stack}\n`);
    return EXIT_FAILED;
  }
}
