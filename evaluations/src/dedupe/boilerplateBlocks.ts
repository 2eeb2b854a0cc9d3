import { listOf, type OutletIdentity } from './outletIdentity.ts';
import { int, pick, type Random, sample, shuffled } from './random.ts';

/**
 * Generic outlet boilerplate: the blocks an extractor leaves in an article's text (newsletter boxes,
 * appeals for support, "about us", disclaimers, standards notes, legal footers, author bios, app and
 * social prompts, consent notices). Each block is composed from interchangeable sentences, so every
 * outlet of a draw gets its own wording of its own length; an outlet then repeats its blocks on every
 * article it publishes.
 */
export type BlockKind =
  | 'newsletter'
  | 'appeal'
  | 'about'
  | 'disclaimer'
  | 'standards'
  | 'legal'
  | 'app'
  | 'consent'
  | 'comments';

/** `n` sentences out of `options`, in a shuffled order. */
function some(r: Random, options: string[], lo: number, hi: number): string {
  return shuffled(r, sample(r, options, Math.min(options.length, int(r, lo, hi)))).join(' ');
}

function newsletter(r: Random, o: OutletIdentity, beat: string): string[] {
  const brief = pick(r, ['Briefing', 'Daily', 'Digest', 'Morning Edition', 'Evening Wrap', 'Weekly', 'Insider']);
  const title = `${o.short} ${beat.replace(/^the /, '').replace(/^\w/, (c) => c.toUpperCase())} ${brief}`;
  return [
    some(
      r,
      [
        `Sign up for ${title}, our free newsletter on ${beat}, and get the stories that matter delivered to your inbox.`,
        `Get ${title} in your inbox: the most important news on ${beat}, explained, every ${pick(r, ['weekday morning', 'Friday', 'evening', 'Sunday'])}.`,
        `Enter your email address to receive ${title}.`,
        `Subscribe to ${title} and never miss an update on ${beat} from our reporters in ${o.city}.`,
        `By signing up you agree to receive occasional offers from ${o.company} and accept our privacy notice.`,
        'You can unsubscribe at any time using the link at the bottom of every email.',
        `Thank you for subscribing: please check your inbox to confirm your address.`,
        `Our newsletters may contain information about charities, online ads and content funded by outside parties.`,
      ],
      2,
      5,
    ),
  ];
}

function appeal(r: Random, o: OutletIdentity): string[] {
  const paragraphs = [
    some(
      r,
      [
        `Before you go: ${o.name} has been reporting from ${o.city} since ${o.founded}.`,
        `You have read this far, so we have a small favour to ask.`,
        `More people are reading ${o.name} than ever before, but advertising revenue across the media is falling fast.`,
        `Unlike many others, we have not put our journalism behind a paywall, because we believe everyone deserves access to reliable information.`,
        `We do not have a billionaire owner or shareholders to answer to.`,
      ],
      2,
      4,
    ),
    some(
      r,
      [
        `Our independence means we can report on ${listOf(o.beats.slice(0, 3))} without fear or favour.`,
        'Producing careful, fact-checked reporting takes time, money and hard work.',
        'Every contribution, however big or small, powers our journalism and sustains our future.',
        `Your support allows our reporters to keep asking difficult questions of those in power in ${o.country}.`,
        'We hope you will consider joining the readers who already support us.',
      ],
      2,
      5,
    ),
    some(
      r,
      [
        `Support ${o.name} from as little as ${pick(r, ['£1', '$1', '€2', '£3', '$5'])} a month; it only takes a minute.`,
        'Become a member today and get unlimited access to every story, our archive and ad-free reading.',
        'If you can, please consider making a regular contribution.',
        'Thank you for reading, and for standing with independent journalism.',
      ],
      1,
      3,
    ),
  ];
  return paragraphs.slice(0, int(r, 1, 3));
}

function about(r: Random, o: OutletIdentity): string[] {
  const first = some(
    r,
    [
      `${o.name} is an independent ${pick(r, ['nonprofit', 'reader-funded', 'employee-owned', 'family-owned'])} newsroom founded in ${o.founded} in ${o.city}.`,
      `We cover ${listOf(o.beats)} for readers across ${o.country} and beyond.`,
      `Our reporters and editors follow a published code of ethics and correct errors promptly and transparently.`,
      `${o.name} is published by ${o.company}.`,
      `Our journalism is funded by readers, members and ${pick(r, ['foundations', 'local businesses', 'advertisers', 'a charitable trust'])}, none of whom have any say in what we publish.`,
    ],
    2,
    5,
  );
  const second = some(
    r,
    [
      `Our work has been recognised with ${pick(r, ['regional', 'national', 'several'])} journalism awards, including for investigations into ${pick(r, o.beats)}.`,
      `We believe that a well-informed public is the foundation of a healthy democracy.`,
      `Learn more about our team, our funding and our editorial standards on the About page.`,
      `${o.name} is a member of the ${pick(r, ['Independent Press Standards Organisation', 'Institute for Nonprofit News', 'Local News Alliance', 'national press council'])}.`,
    ],
    1,
    3,
  );
  return r() < 0.5 ? [first, second] : [first];
}

const DISCLAIMERS: ((o: OutletIdentity) => string[])[] = [
  (o) => [
    'This article is for general information only and does not constitute investment advice.',
    'Past performance is not a reliable indicator of future results, and the value of investments can fall as well as rise.',
    `${o.name} and its writers may hold positions in the securities mentioned.`,
    'Always consult a qualified financial adviser before making investment decisions.',
  ],
  (o) => [
    'The information in this article is not a substitute for professional medical advice, diagnosis or treatment.',
    'Always seek the advice of your doctor or another qualified health provider with any questions about a medical condition.',
    `${o.name} does not recommend or endorse any specific tests, products or procedures.`,
  ],
  (o) => [
    `${o.name} may earn a commission when you buy through links on our site.`,
    'This does not affect our editorial independence or the products we choose to review.',
    'Prices and availability were correct at the time of publication but may change.',
  ],
  (o) => [
    `The views expressed in this article are those of the author and do not necessarily reflect the position of ${o.name}.`,
    'We welcome responses and publish a selection of letters every week.',
  ],
  (o) => [
    `This story was produced with the support of a grant; the funder had no editorial input and ${o.name} retains full editorial control.`,
    'The organisations named in this article did not review it before publication.',
  ],
  (o) => [
    'Parts of this article were drafted with the help of automated tools and reviewed by an editor before publication.',
    `Read more about how ${o.name} uses technology in its newsroom in our published guidelines.`,
  ],
];

function disclaimer(r: Random, o: OutletIdentity): string[] {
  const sentences = pick(r, DISCLAIMERS)(o);
  return [sentences.slice(0, int(r, 2, sentences.length)).join(' ')];
}

function standards(r: Random, o: OutletIdentity): string[] {
  return [
    some(
      r,
      [
        `${o.name} is committed to accuracy: if you spot an error, please contact ${o.email}.`,
        'We correct mistakes as soon as we are made aware of them and note every correction at the end of the article.',
        `Our editorial standards and our complaints procedure are published on our website.`,
        `Have a tip or a story we should look into? Contact our newsroom securely at ${o.email}.`,
        `This article follows the editorial code of ${o.company}.`,
      ],
      2,
      4,
    ),
  ];
}

function legal(r: Random, o: OutletIdentity): string[] {
  return [
    some(
      r,
      [
        `Copyright ${o.company}. All rights reserved.`,
        `This material may not be published, broadcast, rewritten or redistributed without written permission from ${o.company}.`,
        `${o.company} is registered in ${o.country}, company number ${int(r, 1000000, 9999999)}, with its registered office in ${o.city}.`,
        `Use of this website constitutes acceptance of our terms of service and privacy policy.`,
        `${o.name} is not responsible for the content of external websites.`,
      ],
      2,
      4,
    ),
  ];
}

function app(r: Random, o: OutletIdentity): string[] {
  return [
    some(
      r,
      [
        `Download the ${o.short} app to get breaking news alerts from ${o.city} and around the world.`,
        `Follow ${o.name} on social media for the latest updates on ${pick(r, o.beats)}.`,
        `Listen to our daily podcast, available wherever you get your podcasts.`,
        'Turn on notifications so you never miss a story.',
      ],
      1,
      3,
    ),
  ];
}

function consent(r: Random, o: OutletIdentity): string[] {
  return [
    some(
      r,
      [
        `${o.name} uses cookies and similar technologies to improve your experience, measure our audience and show relevant advertising.`,
        'By continuing to browse this site you agree to our use of cookies.',
        'You can change your choices at any time in the privacy settings.',
        'Some features of this page may not work if you turn cookies off.',
      ],
      2,
      4,
    ),
  ];
}

function comments(r: Random, o: OutletIdentity): string[] {
  return [
    some(
      r,
      [
        'Comments on this article are moderated and may take some time to appear.',
        `Please keep the discussion civil and on topic, in line with the ${o.short} community guidelines.`,
        'Personal attacks, spam and off-topic posts will be removed.',
        'Comments close seven days after publication.',
      ],
      2,
      4,
    ),
  ];
}

/** One block of an outlet's boilerplate, as paragraphs. `beat` names the newsletter's subject. */
export function boilerplateBlock(kind: BlockKind, r: Random, o: OutletIdentity, beat: string): string[] {
  switch (kind) {
    case 'newsletter':
      return newsletter(r, o, beat);
    case 'appeal':
      return appeal(r, o);
    case 'about':
      return about(r, o);
    case 'disclaimer':
      return disclaimer(r, o);
    case 'standards':
      return standards(r, o);
    case 'legal':
      return legal(r, o);
    case 'app':
      return app(r, o);
    case 'consent':
      return consent(r, o);
    case 'comments':
      return comments(r, o);
  }
}

/** An author's bio line, as the outlet prints it under each of their articles. */
export function authorBio(r: Random, o: OutletIdentity, author: string): string {
  return some(
    r,
    [
      `${author} is a ${pick(r, ['reporter', 'senior correspondent', 'staff writer', 'data journalist', 'editor'])} at ${o.name}, covering ${pick(r, o.beats)}.`,
      `${author.split(' ')[0]} previously worked for ${pick(r, ['a regional daily', 'a national broadcaster', 'a business weekly', 'a wire agency'])} and joined ${o.name} in ${int(r, o.founded, 2024)}.`,
      `You can reach ${author.split(' ')[0]} at ${author.toLowerCase().replace(/\s+/g, '.')}@${o.email.split('@')[1]}.`,
      `${author.split(' ')[0]} lives in ${o.city}.`,
    ],
    1,
    3,
  );
}
