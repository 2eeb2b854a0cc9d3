import { wordsOf } from './words.ts';

/**
 * Blocks that hold only a date or a time: a masthead date widget, a "Posted 11/07/2023" line.
 * Numbers alone ("6.1%", "2024") are figures, not dates.
 */

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|' +
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|' +
  'январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|' +
  'січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|' +
  'січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень';
const WEEKDAYS =
  'mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|' +
  'понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс|' +
  'понеділок|вівторок|середа|четвер|пʼятниця|пятниця|субота|неділя|нд';
const DATE_FILLERS =
  'today|yesterday|updated|update|published|posted|last|modified|on|at|am|pm|a|m|p|gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|et|pt|pst|pdt|' +
  'kyiv|kiev|moscow|london|time|ago|hour|hours|hr|hrs|minute|minutes|min|mins|second|seconds|day|days|week|weeks|month|months|year|years|just|now|' +
  'st|nd|rd|th|of|the|сегодня|вчера|сьогодні|вчора|обновлено|опубликовано|оновлено|опубліковано|г|года|год|року|рік|р|в|о|мин|назад|тому|час|годин';
const DATE_WORD = new Set(`${MONTHS}|${WEEKDAYS}|${DATE_FILLERS}`.split('|'));

/** A month, a weekday or a word that goes with a date or a time ("updated", "am", "ago"). */
export function isDateWord(token: string): boolean {
  return DATE_WORD.has(token);
}

/** "Monday, December 4, 2023", "17:24 21 Dec 2023", "May 3, 2024 - 06:04", "Updated 3 hours ago". */
export function isDateOnly(text: string): boolean {
  const tokens = wordsOf(text);
  if (tokens.length === 0 || tokens.length > 12) return false;
  let digits = false;
  let named = false;
  for (const token of tokens) {
    if (/^\d+$/.test(token)) {
      digits = true;
      continue;
    }
    if (!DATE_WORD.has(token)) return false;
    named = true;
  }
  if (!digits) return false;
  // Numbers alone ("6.1%", "-0.6", "2024") are figures unless they are written as a date or a time.
  return named || NUMERIC_DATE.test(text);
}

const NUMERIC_DATE =
  /^\s*(?:(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?:[\sT,]+\d{1,2}[:.]\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?)\s*$/;
