import { isDateOnly, isDateWord } from './dateOnly.ts';
import { wordsOf } from './words.ts';

/**
 * A line of article metadata: the outlet's name, the date and time of publication and of the last
 * update, the byline and a reading time, joined by separators. "Dec. 6, 2024, 10:00 PM UTC / Updated
 * Dec. 7, 2024, 12:43 PM UTC", "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 |
 * Par ‹name›". Each part alone is a known kind (a date, a byline, a name); joined they pass every
 * rule that reads a whole block.
 */

/** Separators of metadata parts: a pipe, a bullet or a middle dot, or a slash or dash set off by spaces. */
const SEPARATOR = /\s*[|•·]\s*|\s+[/—–]\s+/u;

/** A byline part, in the languages the other rules know: "By ‹name›", "Par ‹name› (avec ...)". */
const BYLINE_PART =
  /^(?:by|from|written by|par|por|von|di|da|door|av|автор|авторка|текст)\s*:?\s+\p{Lu}[\p{L}.'’-]*(?:[\s,]+[\p{L}.'’()-]+){0,12}$/iu;

/** A reading time or a count of comments or views: "4 min read", "12 comments". */
const COUNT_PART =
  /^\d+\s*(?:min(?:ute)?s?|мин|хв)\.?(?:\s+(?:read|reading|de lecture|lesezeit|чтения|читання))?$|^\d+\s+(?:comments?|views?|shares?)$/iu;

/**
 * French, German, Spanish, Italian and Portuguese words around a date ("Mis à jour le", "am ... um
 * ... Uhr", "actualizado el", "aggiornato alle"), and their months; `dateOnly` knows English,
 * Russian and Ukrainian ones.
 */
const DATE_WORDS_MORE = new Set(
  (
    'le|la|à|a|mis|jour|publié|modifié|mise|h|am|um|uhr|stand|aktualisiert|veröffentlicht|aktualisierung|' +
    'el|de|del|las|los|actualizado|publicado|atualizado|às|as|alle|ore|il|aggiornato|pubblicato|' +
    'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|' +
    'januar|februar|märz|april|juni|juli|august|oktober|dezember|' +
    'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
    'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|' +
    'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|' +
    'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag'
  ).split('|'),
);

/** A time written as "13h36" or "20h13". */
const HOUR_TOKEN = /^\d{1,2}h\d{2}$/;

function isDatePart(part: string): boolean {
  if (isDateOnly(part)) return true;
  const tokens = wordsOf(part);
  if (tokens.length === 0 || tokens.length > 12) return false;
  let digits = false;
  let named = false;
  for (const token of tokens) {
    if (/^\d+$/.test(token)) digits = true;
    else if (HOUR_TOKEN.test(token)) digits = named = true;
    else if (DATE_WORDS_MORE.has(token) || isDateWord(token)) named = true;
    else return false;
  }
  // Numbers alone ("1 / 5" of a gallery, "2019 | 2020") are not dates.
  return digits && named;
}

/** An outlet's or a section's name: a few words, each capitalised, no sentence. */
function isNamePart(part: string): boolean {
  const words = part.trim().split(/\s+/);
  return words.length <= 4 && !/[.!?:;]$/.test(part.trim()) && words.every((word) => /^[\p{Lu}\p{N}&]/u.test(word));
}

export function isMetaLine(text: string): boolean {
  if (text.includes('\n') || wordsOf(text).length > 40) return false;
  const parts = text
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => wordsOf(part).length > 0);
  if (parts.length < 2) return false;
  let dates = 0;
  for (const part of parts) {
    if (isDatePart(part)) dates++;
    else if (!BYLINE_PART.test(part) && !COUNT_PART.test(part) && !isNamePart(part)) return false;
  }
  return dates > 0;
}
