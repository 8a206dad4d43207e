import { normalizeToken } from './normalize-token.js';

// Small lists on purpose: they only keep words that open any sentence ("so the", "ועכשיו של")
// from counting as evidence that a phrase was found.
const english =
  'a an the and or but so of to in on at for with from by as is are was were be been am it its this that ' +
  'these those there here we i you he she they me us him her them my our your his their not no do does ' +
  'did have has had will would can could should shall just what which who whom if then than also very ' +
  'now let lets about into up out all some any';
const fillers = 'um umm uh uhh er erm ah hmm mm okay ok yeah well';
const hebrew =
  'של את על אל עם זה זו זאת הוא היא הם הן אני אנחנו אתה אתם כי אם גם לא כל מה מי אשר או יש אין רק כמו ' +
  'כבר עוד אבל אז הזה הזאת הזו שם פה כאן עכשיו ';
const yiddish = 'און די דער דאס איז אין פון מיט ער זי עס ניט נישט';

let stopWords: ReadonlySet<string> | undefined;

/**
Whether a normalized token is a stop-word or filler (small English, Hebrew and Yiddish lists),
which the outline aligner leaves out of its content counts.
*/
export function isStopWord(token: string): boolean {
  // Built on first use, through the same normalization as the tokens (so final letters match).
  stopWords ??= new Set(
    `${english} ${fillers} ${hebrew} ${yiddish}`
      .split(/\s+/)
      .map(normalizeToken)
      .filter((word) => word !== ''),
  );
  return stopWords.has(token);
}
