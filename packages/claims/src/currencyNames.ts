import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';

const require = createRequire(import.meta.url);

/**
 * Currency names, codes and symbols from the `world-countries` data package (ISO 4217 codes of the
 * 250 countries and territories, with English names and symbols): "Turkish lira" and "Turkish
 * liras" → TRY, "₾" → GEL. A name's last word stands alone only when one currency has it
 * ("hryvnia", "zloty", "baht"; not "peso" or "dinar"). Symbols count only when they are a single
 * non-ASCII character held by one currency, so "$", "R" or "kr" never decide. Codes count only when
 * written in capitals ("ALL" is a code, "all" a word).
 */
export interface CurrencyTables {
  /** Lower-case name phrases → ISO code. */
  names: Map<string, string>;
  /** Single-character symbols → ISO code. */
  symbols: Map<string, string>;
  /** ISO codes in use. */
  codes: Set<string>;
}

/** Currencies that news of the past still names, and names the data package lacks. */
const FORMER_AND_INFORMAL: Array<[string, string]> = [
  ['deutschmark', 'DEM'],
  ['deutschmarks', 'DEM'],
  ['french francs', 'FRF'],
  ['french franc', 'FRF'],
  ['belgian francs', 'BEF'],
  ['pesetas', 'ESP'],
  ['peseta', 'ESP'],
  ['guilders', 'NLG'],
  ['guilder', 'NLG'],
  ['dutch guilders', 'NLG'],
  ['markka', 'FIM'],
  ['finnish markka', 'FIM'],
  ['lire', 'ITL'],
  ['italian lire', 'ITL'],
  ['escudos', 'PTE'],
  ['drachmas', 'GRD'],
  ['drachmae', 'GRD'],
  ['schillings', 'ATS'],
  ['irish punts', 'IEP'],
  ['rmb', 'CNY'],
  ['bitcoin', 'BTC'],
  ['bitcoins', 'BTC'],
  ['btc', 'BTC'],
];

/** Last words of currency names that are ordinary words or other units ("the 100 mark", "a real", "drams"). */
const NOT_ALONE = new Set([
  'mark',
  'marks',
  'real',
  'reals',
  'sol',
  'sols',
  'som',
  'soms',
  'bond',
  'bonds',
  'dram',
  'drams',
]);

let tables: CurrencyTables | null = null;

export function currencyTables(): CurrencyTables {
  if (tables) return tables;
  const countries = require('world-countries') as Countries;
  const names = new Map<string, string>();
  const lastWordOwners = new Map<string, Set<string>>();
  const symbolOwners = new Map<string, Set<string>>();
  const codes = new Set<string>();
  for (const c of countries) {
    for (const [code, currency] of Object.entries(c.currencies ?? {})) {
      if (!currency) continue;
      codes.add(code);
      const name = currency.name.toLowerCase();
      const words = name.split(/\s+/);
      const last = words[words.length - 1]!;
      if (NOT_ALONE.has(name)) continue;
      names.set(name, code);
      names.set([...words.slice(0, -1), plural(last)].join(' '), code);
      for (const w of [last, plural(last)]) {
        const owners = lastWordOwners.get(w) ?? new Set<string>();
        owners.add(code);
        lastWordOwners.set(w, owners);
      }
      const symbol = currency.symbol?.trim() ?? '';
      if (symbol.length === 1 && symbol.charCodeAt(0) > 127) {
        const owners = symbolOwners.get(symbol) ?? new Set<string>();
        owners.add(code);
        symbolOwners.set(symbol, owners);
      }
    }
  }
  for (const [w, owners] of lastWordOwners)
    if (owners.size === 1 && !names.has(w) && !NOT_ALONE.has(w)) names.set(w, [...owners][0]!);
  for (const [name, code] of FORMER_AND_INFORMAL) names.set(name, code);
  const symbols = new Map<string, string>();
  for (const [s, owners] of symbolOwners) if (owners.size === 1) symbols.set(s, [...owners][0]!);
  tables = { names, symbols, codes };
  return tables;
}

function plural(word: string): string {
  if (/(?:s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
