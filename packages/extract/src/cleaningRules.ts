import type { BlockKind } from './blockText.ts';
import { isDateOnly } from './dateOnly.ts';
import { isMetaLine } from './metaLine.ts';
import { wordsOf } from './words.ts';

export { wordsOf } from './words.ts';

/**
 * Text rules that drop whole blocks of page furniture Readability leaves in the article. A rule only
 * ever drops a block whose entire text is furniture: none cuts a sentence out of a paragraph. Each
 * rule is judged on the fixture set (see the README): with the rule on, recall must not fall.
 */

export interface RuleBlock {
  text: string;
  kind: BlockKind;
  /** Share of the text inside links. */
  linkDensity: number;
  /** Share of the text inside links that lead away from the page (not `#section` anchors). */
  outboundLinkDensity: number;
}

export interface RuleContext {
  /** The article's title, lower-cased, words only. */
  title: string | null;
  /** Position of the block among the article's blocks, and their count. */
  index: number;
  count: number;
  /** Number of words in the block. */
  wordCount: number;
  /** The block before this one in the page, whatever the rules did with it. */
  previous: RuleBlock | null;
  /** The block after this one in the article. */
  next: RuleBlock | null;
  /** How many of the article's blocks are teaser cards (`isTeaserCard`). */
  teaserCards: number;
  /**
   * Whether the block is an item of a list whose other items include sentences that are not links:
   * such a list is part of the text (release notes naming their bugs), where a list of related
   * stories is links from top to bottom.
   */
  inProseList: boolean;
  /**
   * Whether the block is a heading over a section of the text: two or more paragraphs, or 60+
   * words, of hardly linked prose before the next heading. A teaser's headline has a short summary
   * under it at most; a listicle's linked subheading (a product, a game) opens its section.
   */
  opensSection: boolean;
}

export interface CleaningRule {
  name: string;
  /** What the rule removes, with an example from real pages. */
  description: string;
  drops(block: RuleBlock, context: RuleContext): boolean;
}

/** A clause of few words, case-insensitive, spanning the whole block. */
function whole(pattern: string): RegExp {
  return new RegExp(`^[\\s\\-–—•|:.!>»]*(?:${pattern})[\\s\\-–—•|:.!<«]*$`, 'iu');
}

const AD_LABEL = whole(
  'advertisement|advertising|advert|ads?|sponsored(?: content| post)?|promoted|paid content|anzeige|publicité|' +
    'реклама|рекламa|story continues below(?: this)?(?: advertisement)?|article continues below(?: this)?(?: advertisement)?|' +
    'continue reading(?: the main story| below)?|skip advert(?:isement)?|remove ads|scroll to continue(?: with content)?',
);

const SECTION_LABEL = whole(
  'related|related (?:articles|stories|news|posts|coverage|content|topics)|more articles|more stories|more news|' +
    'more from [\\p{L} .]{2,40}|latest articles?|latest news|latest stories|latest posts|must read|most read|most popular|' +
    'most viewed|trending(?: now)?|top stories|(?:most )?popular(?: now| today| this week| stories| articles)?|recommended(?: for you)?|you may also like|' +
    'you might also like|read next|up next|editor.s picks?|in other news|more on this story|also read|read also|see also|' +
    'source link|source|original article|tags?|topics|share|share this(?: article| story| post)?|share on|comments?|' +
    '\\d+ comments?|leave a (?:comment|reply)|post a comment|show comments|view comments|load comments|print|email|' +
    'follow us|subscribe|sign up|newsletter|advertisement|before you go|like this|like loading\\.*|loading\\.*|' +
    'is this page useful\\??|was this page useful\\??|thank you for your feedback|report a problem with this page|' +
    'читайте также|смотрите также|по теме|новости по теме|последние новости|популярное|комментарии|поделиться|' +
    'читайте також|дивіться також|більше новин|останні новини|популярне|коментарі|поширити|поділитися',
);

const RELATED_PREFIX =
  /^(?:à lire aussi|lire aussi|voir aussi|lesen sie auch|mehr zum thema|auch interessant|tags|topics|теги|темы|теми|рубрика|категорія|related|read more|read also|also read|see also|more on this|recommended|watch|listen|read next|more|читайте также|читайте тоже|смотрите также|по теме|читайте також|дивіться також|більше за темою|також читайте)\s*[:：]/iu;

const SHARE_WORDS = new Set(
  'partager|teilen|imprimer|drucken|print|printer|friendly|version|версия|для|печати|версія|друку|share|shares|sharing|this|article|story|post|on|via|tweet|pin|it|email|mail|copy|link|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|viber|messenger|flipboard|threads|bluesky|mastodon|vk|вконтакте|одноклассники|ok|поделиться|поширити|поділитися|скопировать|ссылку|копіювати|посилання|и|та|or|and|comments|comment|save'.split(
    '|',
  ),
);

const PHOTO_CREDIT =
  /^\(?\s*(?:photo|photos|photograph|photographs|image|images|picture|pictures|illustration|graphic|video|credit|credits|source|фото|фотография|изображение|иллюстрация|ілюстрація|зображення|джерело|источник)(?:\s+(?:credit|credits|source|by))?\s*[:©]/iu;
const CAPTION_CREDIT =
  /\((?:photo|image|picture|illustration|фото)(?:\s+(?:source|credit|by))?\s*:?[^()]{1,80}\)\s*$/iu;
const AGENCY_CREDIT =
  /^(?:©\s*)?[\p{L}\p{N} .'’&/-]{0,80}\/\s*(?:getty images|reuters|ap|afp|epa|shutterstock|ap photo|anadolu|picture alliance|efe|sipa)[\p{L} .]*$/iu;

const PLEA_SIGNALS: RegExp[] = [
  /become a (?:patron|member|supporter|subscriber|donor)/i,
  /support (?:us|our (?:work|journalism|reporting|newsroom|team|mission))/i,
  /\bdonat(?:e|ion|ions|ing)\b/i,
  /cup of coffee/i,
  /readers like you/i,
  /\bpatreon\b|\bpatron\b/i,
  /independent journalism|quality journalism|free press/i,
  /(?:join|help) (?:our community|us)\b/i,
  /you could close this page/i,
  /keep (?:our|this) (?:reporting|journalism|site) (?:free|open)/i,
  /(?:a little|every contribution|any amount)[^.]{0,40}(?:goes a long way|helps|matters)/i,
  /as little as/i,
  /поддержите (?:нас|редакцию|проект)|подтримайте (?:нас|редакцію|проєкт)|задонатьте|донат/i,
];

const NEWSLETTER =
  /(?:sign up|subscribe|register)\b[^.]{0,60}\b(?:newsletter|briefing|bulletin|inbox|email|digest)|newsletter\b[^.]{0,80}\b(?:sign up|subscribe|inbox|email address)|delivered (?:straight |directly )?to your inbox|enter your email|(?:подпишитесь|подписывайтесь) на (?:нашу |наш )?(?:рассылку|telegram|телеграм|канал)|підписуйтесь на (?:нашу |наш )?(?:розсилку|telegram|телеграм|канал)|підпишіться на (?:нашу |наш )?(?:розсилку|telegram|телеграм|канал)/iu;

const FOLLOW_US =
  /^(?:follow|join|find|like)\s+(?:us|[\p{L}\p{N} .]{2,40})\s+on\s+(?:twitter|x|facebook|telegram|instagram|whatsapp|google news|youtube|tiktok|linkedin|threads)|^(?:download|get) our (?:free )?app|^(?:join|follow) our (?:telegram|whatsapp|viber)/iu;

const COOKIE = /cookie/i;
/** A cookie notice speaks to the reader about this site's cookies; an article about cookies does not. */
const COOKIE_CONTEXT =
  /\b(?:we|we['’]d|this (?:site|website)|our (?:site|website|partners))\b[^.]{0,40}\b(?:use|uses|using|store|set)\b|\b(?:accept|reject|allow|agree|consent|manage)\b[^.]{0,30}\bcookies|\bcookie (?:policy|settings|preferences|consent|notice)|\bby (?:continuing|using|clicking)|используем|використовуємо|verwenden|utilisons/iu;

const SPELLING =
  /ctrl\s*\+\s*enter|spelling error|orphographic|орфографическ\p{L}* ошибк|помилк\p{L}* в тексті|знайшли помилку|нашли ошибку/iu;
const EDITORS_NOTE =
  /^the following text will be sent to our editors|^текст,? который будет отправлен|^текст,? який буде надіслано/iu;

const WIRE_TAIL =
  /^a version of this article appears in print\b|^(?:\(?(?:reporting|writing|additional reporting|editing|compiled) by\b[^.]{0,200}\)?\.?)$|^our standards\s*:|^(?:©|copyright\b|\(c\)\s*\d{4})/iu;

const BYLINE =
  /^(?:[Bb]y|[Ff]rom|[Ww]ritten by|[Аа]втор|[Аа]вторка|[Тт]екст)\s*:?\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,5}(?:\s*(?:,|and|&|и|і|та)\s*[\p{L}.'’ -]{2,40}){0,3}$/u;

const PAYWALL =
  /^(?:(?:subscribe|sign in|log in|register) (?:now )?to (?:continue|keep) reading|to continue reading|already (?:a )?(?:subscriber|member|have an account)\??|this (?:article|story|content) is (?:for|available (?:only )?to|exclusive to) (?:subscribers|members)|(?:get|unlock) (?:unlimited|full|digital) access|чтобы продолжить чтение|щоб продовжити читання|cet article est réservé aux abonnés|déjà abonné|abonnez-vous|dieser artikel ist (?:nur )?für abonnenten|bereits abonnent)/iu;

/** "Published 2:31 PM EST, Thu January 5, 2024 | Updated ...", "First published on ...", "Publié le ...". */
const PUBLICATION_LINE =
  /^(?:first |originally |last )?(?:published|updated|posted|modified|edited|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|опубликовано|обновлено|опубліковано|оновлено)\b/iu;

/** Prompts of a comment section: "Join the conversation", "Comments are closed", "View 12 comments". */
const COMMENT_PROMPT =
  /^(?:join the (?:conversation|discussion|debate)|(?:leave|add|post|write) a (?:comment|reply)|comments? (?:are|is) (?:now )?(?:closed|moderated|disabled)|be the first to comment|(?:view|show|read|see|load) (?:all )?(?:\d+ )?(?:comments|replies)|have your say|what do you think\?)/iu;

const READING_TIME =
  /\b\d+\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?|хв(?:илин[аи]?)?)\.?\s+(?:read|reading|чтения|читання)\b|\blesezeit\b|\btemps de lecture\b/iu;

const TRACKER =
  /^(?:fbpx|pixel|loading\.*|javascript is (?:disabled|required)[^.]*\.?|please enable javascript[^.]*\.?|\{\{[^}]*\}\})$/i;

const EMBEDDED_POST_TAIL =
  /^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+\p{L}+\.? \d{1,2},? \d{4}$|^(?:[^\n]{0,200}\s)?pic\.twitter\.com\/\w+$/u;

/** A link shown as its address ("https://nodejs.org/api/inspector.html"): a source the text cites, not a teaser. */
const WRITTEN_URL = /^(?:https?:\/\/|www\.)\S+$/i;

const WEATHER = /^[\p{L} .'-]{0,30}[-+−–]?\d{1,2}(?:[.,]\d)?\s*(?:°\s*[CF]?|[CF])$/u;

/**
 * A short paragraph alone under a headline that links away, the next block a heading again: a card
 * of a teaser grid. (A post under its own linked title goes on with more paragraphs.)
 */
export function isTeaserCard(
  block: RuleBlock,
  previous: RuleBlock | null,
  next: RuleBlock | null,
  wordCount: number,
): boolean {
  return (
    previous !== null &&
    previous.kind === 'h' &&
    previous.outboundLinkDensity >= 0.8 &&
    block.kind === 'p' &&
    wordCount <= 60 &&
    (next === null || next.kind === 'h')
  );
}

function shareOnly(text: string): boolean {
  const tokens = wordsOf(text);
  if (tokens.length === 0 || tokens.length > 16) return false;
  let named = 0;
  for (const token of tokens) {
    if (/^\d+$/.test(token)) continue;
    if (!SHARE_WORDS.has(token)) return false;
    named++;
  }
  return named > 0;
}

export const CLEANING_RULES: readonly CleaningRule[] = [
  {
    name: 'ad-label',
    description: 'Ad slot labels: "- Advertisement -", "ADVERTISEMENT", "Story continues below advertisement".',
    drops: (block) => block.text.length < 80 && AD_LABEL.test(block.text),
  },
  {
    name: 'section-label',
    description:
      'Headings and links of page sections: "Related:", "More articles", "Latest article", "Must read", "Source link", "Share this article".',
    drops: (block) => block.text.length < 80 && SECTION_LABEL.test(block.text),
  },
  {
    name: 'related-link',
    description: 'Teasers inside the text: "Read more: <headline>", "Related: <headline>", "Читайте также: ...".',
    drops: (block, context) => RELATED_PREFIX.test(block.text) && (context.wordCount <= 30 || block.linkDensity > 0.3),
  },
  {
    name: 'share-bar',
    description: 'Share and print buttons as text: "Share Facebook Twitter Email", "Поделиться ВКонтакте Telegram".',
    drops: (block) => shareOnly(block.text),
  },
  {
    name: 'spelling-report',
    description:
      'Error-report widgets: "If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter.", "Spelling error report", "The following text will be sent to our editors:".',
    drops: (block, context) => (context.wordCount <= 40 && SPELLING.test(block.text)) || EDITORS_NOTE.test(block.text),
  },
  {
    name: 'donation-plea',
    description:
      'Donation and membership pleas: "You could close this page. Or you could join our community ... Become a Patron!" (two signals, or one in a block of a few words).',
    drops: (block, context) => {
      let signals = 0;
      for (const signal of PLEA_SIGNALS) if (signal.test(block.text)) signals++;
      return signals >= 2 || (signals === 1 && context.wordCount <= 8);
    },
  },
  {
    name: 'newsletter',
    description: 'Newsletter and channel sign-ups: "Sign up for our morning briefing, delivered to your inbox".',
    drops: (block, context) => context.wordCount <= 60 && NEWSLETTER.test(block.text),
  },
  {
    name: 'follow-us',
    description: 'Calls to follow the outlet: "Follow us on Telegram", "Download our app".',
    drops: (block, context) => context.wordCount <= 30 && FOLLOW_US.test(block.text),
  },
  {
    name: 'cookie-notice',
    description: 'Cookie and consent banners: "We use cookies to improve your experience. Accept".',
    drops: (block, context) => context.wordCount <= 80 && COOKIE.test(block.text) && COOKIE_CONTEXT.test(block.text),
  },
  {
    name: 'date-widget',
    description:
      'Blocks holding only a date or time: the masthead date widget "Monday, December 4, 2023", "17:24 21 Dec 2023", "May 3, 2024 - 06:04".',
    drops: (block) => block.kind !== 'li' && isDateOnly(block.text),
  },
  {
    name: 'weather-widget',
    description: 'Weather widgets: "7.3 C", "Kyiv +3°C".',
    drops: (block) => block.text.length <= 40 && WEATHER.test(block.text.trim()),
  },
  {
    name: 'photo-credit',
    description:
      'Photo credits and captions ending in one: "Photo: Narciso Contreras/AA/picture alliance", "... (Image source: KCNA)", "John Doe/Getty Images", "JIM WATSON/AFP/Getty Images".',
    drops: (block, context) =>
      (context.wordCount <= 25 && (PHOTO_CREDIT.test(block.text) || AGENCY_CREDIT.test(block.text))) ||
      (context.wordCount <= 60 && CAPTION_CREDIT.test(block.text)),
  },
  {
    name: 'byline-line',
    description: 'A byline left in the text near its start or end: "By Jane Doe and John Roe".',
    drops: (block, context) =>
      context.wordCount <= 12 && (context.index < 3 || context.index >= context.count - 2) && BYLINE.test(block.text),
  },
  {
    name: 'wire-tail',
    description:
      'Wire-service and copyright tails: "Reporting by ...; Editing by ...", "Our Standards: ...", "© 2023 ...".',
    drops: (block, context) => context.wordCount <= 40 && WIRE_TAIL.test(block.text.trim()),
  },
  {
    name: 'paywall-prompt',
    description: 'Paywall prompts: "Subscribe to continue reading", "Already a subscriber? Log in".',
    drops: (block, context) => context.wordCount <= 40 && PAYWALL.test(block.text.trim()),
  },
  {
    name: 'teaser-card',
    description:
      'The summary under a linked headline in a teaser grid (a "Popular this week" column Readability took in with a short article).',
    // One linked headline over a paragraph is a blog linking its own post's title: a grid has several.
    drops: (block, context) =>
      context.teaserCards >= 2 && isTeaserCard(block, context.previous, context.next, context.wordCount),
  },
  {
    name: 'link-teaser',
    description:
      'A short block that is all link: a teaser headline, a tag list, a list of related stories (not a link written out as its address: a reference).',
    drops: (block, context) =>
      block.outboundLinkDensity >= 0.8 &&
      context.wordCount <= 25 &&
      !context.inProseList &&
      !context.opensSection &&
      !WRITTEN_URL.test(block.text.trim()),
  },
  {
    name: 'title-repeat',
    description: 'The headline repeated inside the text (CMS templates print it twice).',
    drops: (block, context) => context.title !== null && wordsOf(block.text).join(' ') === context.title,
  },
  {
    name: 'reading-time',
    description: 'Article meta lines with a reading time: "Published in City Data Notes · 6 min read · Feb 11, 2024".',
    drops: (block, context) => context.wordCount <= 16 && READING_TIME.test(block.text),
  },
  {
    name: 'publication-line',
    description:
      'Publication and update lines: "Published 2:31 PM EST, Thu January 5, 2024 | Updated 3:00 PM", "First published on Thu 5 Jan 2024 14.31 GMT".',
    drops: (block, context) =>
      context.wordCount <= 25 && /\d/.test(block.text) && PUBLICATION_LINE.test(block.text.trim()),
  },
  {
    name: 'meta-line',
    description:
      'A line of article metadata (after `publication-line`, which takes the lines opening with "Published") joined by separators: "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024", "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 | Par ‹name›".',
    drops: (block) => block.kind !== 'li' && isMetaLine(block.text),
  },
  {
    name: 'comment-prompt',
    description:
      'Calls to the comment section: "Join the conversation", "Comments are closed", "View all 12 comments".',
    drops: (block, context) => context.wordCount <= 30 && COMMENT_PROMPT.test(block.text.trim()),
  },
  {
    name: 'tracker-junk',
    description: 'Text of tracking pixels and script placeholders: "fbpx", "Loading...", "Please enable JavaScript".',
    drops: (block) => block.text.length < 120 && TRACKER.test(block.text.trim()),
  },
  {
    name: 'embedded-post-tail',
    description:
      'The attribution line of an embedded post: "— Jay in Kyiv (@JayinKyiv) October 8, 2023", "pic.twitter.com/...".',
    drops: (block) => block.text.length < 300 && EMBEDDED_POST_TAIL.test(block.text.trim()),
  },
];

export type CleaningRuleName = (typeof CLEANING_RULES)[number]['name'];
