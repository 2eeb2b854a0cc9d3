import { isOrganisationNoun } from '../lexical/nounClass.ts';
import { LEX, senses } from '../lexical/wordnet.ts';
import { wordSet } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';

/** The words that speaker attribution reads: reporting verbs, roles, titles and the words around them. */
export const SPEECH_VERBS = wordSet(`
  said says say stated states told tells announced announces reported reports noted notes added adds claimed
  claims claim warned warns confirmed confirms estimated estimates wrote writes tweeted posted explained
  explains emphasized emphasised stressed stresses disclosed discloses revealed reveals acknowledged admitted
  insisted argued alleged alleges accused accuses believes believe assessed assesses assess indicated indicates
  suggested suggests showed shows show cited declared declares asserted mentioned briefed informed testified
  condemned expressed suspects suspect thinks think calculated counted recorded documented verified stating
  saying published publishes quoted quotes pointed observed highlighted spoke speaks speaking
  estimate report confirm warn note add tell announce state reveal acknowledge admit insist argue allege
  indicate suggest observe predicted predicts forecast forecasts projected projects
`);
export const HEDGED_VERBS = wordSet(`
  believes believe suspects suspect thinks think assessed assesses assess suggested suggests indicated
  indicates alleged alleges predicted predicts forecast forecasts projected projects
`);

/** Singular role nouns: a phrase with one and no name is a role to resolve ("the US envoy to NATO"). */
export const ROLE_HEADS = wordSet(`
  spokesman spokeswoman spokesperson envoy ambassador diplomat official minister adviser advisor representative
  chief head director secretary president commander analyst expert researcher leader chairman chairwoman aide
  negotiator delegate officer senator governor mayor prosecutor lawmaker legislator coordinator fellow
`);

/** Words of a speaker phrase written in lower case: roles, organisation words and connectors. */
export const ROLE_WORDS = wordSet(`
  spokesman spokeswoman spokesperson spokespeople envoy ambassador diplomat diplomats official officials
  minister adviser advisor representative representatives chief head director secretary president commander
  general analyst analysts expert experts researcher researchers source sources intelligence agency ministry
  department mission office government military army leader chairman chairwoman deputy acting senior top former
  retired retiring foreign defence defense national security council staff authorities officer officers
  lawmaker lawmakers legislator senator governor mayor prosecutor prosecutors investigators monitors observers
  think-tank institute report reports estimate survey poll study statement photographs photos images footage
  satellite latest new assessment data figures document documents press aide aides negotiator delegate
  delegation embassy consulate regional military-run state-run state news outlet newspaper broadcaster channel
  service services unit coordinator watchdog group organisation organization body committee commission bureau
  operator company firm manufacturer producer administration cabinet presidential the a an of to for at in and
  on by from 's ’s ( ) - .
`);
export const CONNECTORS = wordSet(`
  the a an of to for at in and on by from 's ’s - .
`);

/** Heads of a phrase that name evidence, not a speaker: "photographs show" names nobody unless "by X" follows. */
export const EVIDENCE_HEADS = wordSet(`
  report reports photographs photos images footage data figures estimate survey poll study statement assessment
  document documents satellite
`);

/** Capitalised words that are titles or parts of organisation names, never parts of a person's name. */
export const TITLE_WORDS = new Set(
  `President Vice Prime Minister Foreign Defence Defense Secretary General Gen Ambassador Spokesperson Spokesman
  Spokeswoman Adviser Advisor Chief Deputy Acting Director Head Chairman Chairwoman Chair Commander Colonel Col
  Lieutenant Lt Major Maj Captain Capt Admiral Adm Senator Sen Representative Rep Governor Gov Mayor Chancellor King
  Queen Prince Princess Sheikh Leader Supreme National Security Council Mission Staff Joint Chiefs Army Navy Air
  Force Forces Intelligence Center Centre Office Ministry Department State House White Kremlin Pentagon Agency
  Service Committee Affairs Press Envoy Special Coordinator Officer Mr Mrs Ms Dr Prof Professor Sir Dame Lord Lady
  Pope Cardinal Marshal Sergeant Sgt Brigadier Judge Justice Attorney Prosecutor Inspector Commissioner Speaker
  Premier Emir Crown Executive CEO Founder Analyst Permanent Delegation Embassy Consul Assistant Undersecretary Under
  Senior Top Former Retired Retiring Interior Finance Economy Health Energy Trade Homeland Parliament Parliamentary
  Congress Congressman Congresswoman Strategic Communications Organization Organisation Cooperation Europe European
  Union United Nations Institute University Research Analysis Bureau Directorate Main Command Headquarters Group
  Brigade Battalion Regiment Corps Guard Guards Federal Central Bank Fund Monetary International Commission Board
  Authority Administration Government Cabinet Assembly Court Tribunal Party Movement Front Association Federation
  Society Foundation Company Corporation Inc Ltd News Times Post Journal Daily Herald Telegraph Guardian Tribune
  Reuters Bloomberg Associated AFP Interfax TASS RIA Novosti Xinhua Yonhap CNN BBC NBC CBS ABC
  Fox Sky Al Jazeera Kyodo Statistics Service Institute Centre Center Studies Studies War Defense Forces Military
  Acting Chargé Affaires Adjutant Staff The Of To For And In At On A An Ministry's`
    .split(/\s+/)
    .filter(Boolean),
);

export const PRONOUNS = new Set(['he', 'she', 'they']);

/** Words before a speaker phrase that leave it at the start of a clause. */
export const CLAUSE_OPENERS = wordSet(`
  that and but as while when where because after before which who so also meanwhile however yet then now
`);

export const ADVERBS_BEFORE_VERB = wordSet(`
  also previously later further repeatedly recently again separately earlier publicly has have had was were is
  did would had then already reportedly once on in last this late early back privately openly explicitly
  formally officially
`);

export const FURNITURE_LABELS = wordSet(`
  photo image source read related video watch listen update updated breaking exclusive opinion analysis
  editorial note caption credit more see also tags share
`);

/** A role phrase whose head is an organisation in WordNet's first sense ("the US car company", "the airline"). */
export function namesOrganisation(role: string): boolean {
  // The head before any "of"/"at"/"for": "a senior fellow at the Munich Security Conference" is a fellow.
  const words = role.trim().split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:of|at|for|in|with|to|on|from)$/i.test(w));
  const head = (cut > 0 ? words[cut - 1] : words.at(-1))?.toLowerCase() ?? '';
  return /^[a-z-]+$/.test(head) && isOrganisationNoun(head.replace(/s$/, '')) && !isActorPerson(head);
}

export const isActorPerson = (w: string): boolean => senses(w, 'n')[0]?.lexFile === LEX.nounPerson;

export const isQuote = (t: Token | undefined): boolean => !!t && /^["“”«»]$/.test(t.text);

/** Heads of speaker phrases: roles and the organisations that speak ("office", "media", "air force"). */
export const SPEAKER_HEADS = wordSet(`
  spokesman spokeswoman spokesperson envoy ambassador diplomat official officials minister adviser advisor
  representative chief head director secretary president commander analyst analysts expert experts leader
  chairman chairwoman aide negotiator delegate officer senator governor mayor prosecutor lawmaker legislator
  coordinator executive manager founder editor correspondent researcher researchers professor scientist
  economist strategist fellow colonel general witness witnesses resident residents doctor doctors medic medics activist
  activists monitor monitors inspector investigator investigators judge lawyer office ministry agency service
  services council committee army navy force forces guard police media television broadcaster newspaper outlet
  agency command staff department government administration authorities authority mission embassy operator
  company firm group organisation organization institute center centre
`);

/** Particles inside a person's name: "Ursula von der Leyen", "Pieter de Vries". */
export const NAME_PARTICLES = wordSet(`
  von van der den de da di du la le al el bin ben dos das del della ter ten
`);

/** Words that make an appositive a clause, not a role: "the country that sent", "which has". */
export const NOT_IN_ROLES = wordSet(`
  who whom whose which that is are was were be been has have had will would could can may might should must
  not did does do
`);

/** Reporting verbs of a relative clause that dates the statement: "who spoke to journalists on Sunday". */
export const SPOKE_VERBS = wordSet(`
  spoke speaking said told briefed addressed wrote posted testified appeared answered
`);
