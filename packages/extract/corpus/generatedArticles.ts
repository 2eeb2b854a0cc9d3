import type { ArticleLang, ArticleSource, BodyBlock } from './articleSource.ts';
import type { Random } from './random.ts';

/**
 * News copy from a small grammar: reports with officials, figures, quotes, subheadings and lists,
 * in English, Russian and Ukrainian. Not literature, but shaped like the real thing where an
 * extractor looks: sentence lengths, commas, quotes, paragraph counts, numbers.
 */

interface Grammar {
  lang: ArticleLang;
  orgs: string[];
  people: string[];
  roles: string[];
  places: string[];
  things: string[];
  times: string[];
  headings: string[];
  sentences: ((g: Filler) => string)[];
  headline: (g: Filler) => string;
  standfirst: (g: Filler) => string;
  listIntro: string[];
  listItem: (g: Filler) => string;
  sections: string[];
}

class Filler {
  constructor(
    readonly rng: Random,
    readonly grammar: Grammar,
  ) {}
  org(): string {
    return this.rng.pick(this.grammar.orgs);
  }
  person(): string {
    return this.rng.pick(this.grammar.people);
  }
  role(): string {
    return this.rng.pick(this.grammar.roles).replace('{org}', this.org());
  }
  place(): string {
    return this.rng.pick(this.grammar.places);
  }
  thing(): string {
    return this.rng.pick(this.grammar.things);
  }
  time(): string {
    return this.rng.pick(this.grammar.times);
  }
  /** A count as news copy prints it; Cyrillic grammars use round numbers so the noun form agrees. */
  count(): string {
    const n = this.rng.pick([
      10, 20, 30, 40, 50, 60, 80, 120, 150, 240, 300, 450, 600, 900, 1200, 1500, 2400, 3600, 11000, 48000,
    ]);
    if (this.grammar.lang === 'en') return n.toLocaleString('en-US');
    return n >= 10000 ? `${n / 1000} ${this.grammar.lang === 'ru' ? 'тыс.' : 'тис.'}` : String(n);
  }
  percent(): string {
    const n = this.rng.int(2, 48);
    const d = this.rng.int(0, 9);
    return this.grammar.lang === 'en' ? `${n}.${d}%` : `${n},${d}%`;
  }
  money(): string {
    if (this.grammar.lang === 'en')
      return this.rng.pick(['$', '£', '€']) + this.rng.int(2, 900) + this.rng.pick([' million', ' billion', 'm']);
    return `${this.rng.int(2, 900)} ${this.rng.pick(this.grammar.lang === 'ru' ? ['млн рублей', 'млрд рублей'] : ['млн гривень', 'млрд гривень'])}`;
  }
  year(): string {
    return String(this.rng.int(2024, 2031));
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const ENGLISH: Grammar = {
  lang: 'en',
  orgs: [
    'the transport ministry',
    'the regional council',
    'the national statistics office',
    'the port authority',
    'the central bank',
    'the health service',
    'the energy regulator',
    'the city water company',
    'the state railway',
    'the education department',
    'the fire service',
    'the environment agency',
    'the chamber of commerce',
    'the defence ministry',
    'the coastguard',
  ],
  people: [
    'Anna Kowalski',
    'Rafael Mendes',
    'Sofia Brandt',
    'Kwame Mensah',
    'Elena Petrova',
    'James Whitfield',
    'Mei Lin',
    'Omar Haddad',
    'Ingrid Larsen',
    'Pedro Alvarez',
    'Hannah Stein',
    'Yusuf Demir',
    'Claire Dubois',
    'Tomasz Nowak',
    'Aisha Bello',
  ],
  roles: [
    'a spokesperson for {org}',
    'the head of {org}',
    'a senior official at {org}',
    'an economist at a local university',
    'the mayor',
    'an analyst who follows the sector',
    'a union representative',
    'the chief executive of a logistics firm',
  ],
  places: [
    'Eastbridge',
    'Lindenfeld',
    'Porto Claro',
    'Kestrel Bay',
    'Marlow Heath',
    'the Sava valley',
    'the northern districts',
    'the coastal towns',
    'the capital',
    'the border region',
    'Oldham Cross',
    'New Aster',
  ],
  things: [
    'tonnes of grain',
    'new homes',
    'passengers',
    'shipping containers',
    'hospital beds',
    'kilometres of road',
    'megawatts of solar capacity',
    'jobs',
    'students',
    'flights',
    'electric buses',
    'households',
  ],
  times: [
    'on Monday',
    'on Tuesday',
    'on Wednesday',
    'on Thursday',
    'on Friday',
    'last week',
    'earlier this month',
    'in a statement',
    'at a news conference',
    'in an interview',
  ],
  headings: [
    'Background',
    'What happens next',
    'Reaction',
    'The numbers',
    'Why it matters',
    'A difficult year',
    'Costs and delays',
  ],
  listIntro: ['The main figures in the report:', 'Among the measures announced:', 'The plan includes:', 'Key points:'],
  listItem: (g) =>
    g.rng.pick([
      () => `${g.count()} ${g.thing()} in ${g.place()}`,
      () => `a rise of ${g.percent()} in ${g.thing()} compared with last year`,
      () => `${g.money()} for ${g.thing()} over five years`,
      () => `new rules for ${g.thing()} from ${g.year()}`,
    ])(),
  headline: (g) =>
    g.rng.pick([
      () => `${cap(g.thing())} in ${g.place()} rise to ${g.count()}, ${g.org().replace(/^the /, '')} says`,
      () => `${cap(g.org())} plans ${g.money()} overhaul after year of delays`,
      () => `${cap(g.place())} braces for cuts as ${g.thing()} fall by ${g.percent()}`,
      () => `Officials defend ${g.money()} plan for ${g.thing()} in ${g.place()}`,
      () => `Number of ${g.thing()} hits record ${g.count()} as demand grows`,
    ])(),
  standfirst: (g) =>
    g.rng.pick([
      () =>
        `The figures, published ${g.time().replace(/^in a statement|^at a news conference|^in an interview/, 'this week')}, show the sharpest change in a decade, and critics say the response has been too slow.`,
      () =>
        `Officials say the plan will cost ${g.money()} and take until ${g.year()} to complete, while residents of ${g.place()} want faster action.`,
      () => `${cap(g.org())} expects the pressure on ${g.thing()} to continue for at least another year.`,
    ])(),
  sentences: [
    (g) =>
      `${cap(g.org())} said ${g.time()} that ${g.count()} ${g.thing()} had been recorded in ${g.place()} so far this year.`,
    (g) => `That is ${g.percent()} more than a year earlier, when ${g.org()} reported ${g.count()} ${g.thing()}.`,
    (g) => `“We are doing everything we can, but the numbers speak for themselves,” said ${g.person()}, ${g.role()}.`,
    (g) =>
      `${g.person()}, ${g.role()}, said the situation in ${g.place()} was “more serious than the official figures suggest”.`,
    (g) =>
      `According to ${g.org()}, the cost of the programme has risen to ${g.money()}, largely because of higher prices for materials.`,
    (g) =>
      `Critics, including opposition members of the council, said the plan came too late and would do little for ${g.place()}.`,
    (g) => `The project is expected to be completed by ${g.year()}, two years later than originally planned.`,
    (g) => `${cap(g.org())} did not respond to a request for comment.`,
    (g) =>
      `In ${g.place()}, residents said they had noticed the change months ago, long before it appeared in any report.`,
    (g) =>
      `The report, which covers the period from January to June, also found that ${g.count()} ${g.thing()} were affected by delays.`,
    (g) => `${g.person()} added that further measures could follow if the trend continued, but gave no details.`,
    (g) =>
      `“This is not a problem that one budget can fix,” ${g.person()} told reporters, adding that ${g.org()} would publish a full plan in the autumn.`,
    (g) => `Separately, ${g.org()} said it had approved ${g.money()} in emergency funding for ${g.place()}.`,
    (g) =>
      `The figures have been revised several times, and ${g.org()} warned that they could change again as more data arrive.`,
    (g) =>
      `Analysts said the drop of ${g.percent()} was partly explained by the unusually mild weather in the first quarter.`,
    (g) => `Local businesses in ${g.place()} said they had lost customers during the months of disruption.`,
    (g) =>
      `Last year, the government promised to double the number of ${g.thing()} by ${g.year()}, a target most experts now consider out of reach.`,
    (g) => `A public consultation on the proposals will run until the end of the month, ${g.org()} said.`,
  ],
  sections: ['news', 'business', 'local', 'politics', 'economy', 'world', 'environment'],
};

const RUSSIAN: Grammar = {
  lang: 'ru',
  orgs: [
    'в министерстве транспорта',
    'в областной администрации',
    'в управлении статистики',
    'в мэрии',
    'в региональном минздраве',
    'в службе по тарифам',
    'в департаменте образования',
  ],
  people: [
    'Игорь Смирнов',
    'Ольга Волкова',
    'Дмитрий Орлов',
    'Наталья Кузнецова',
    'Сергей Лебедев',
    'Екатерина Морозова',
  ],
  roles: [
    'заместитель губернатора',
    'глава района',
    'экономист',
    'руководитель профильного ведомства',
    'представитель профсоюза',
  ],
  places: [
    'Северном районе',
    'областном центре',
    'пригородах',
    'Заречном районе',
    'прибрежных посёлках',
    'старой части города',
  ],
  things: [
    'тонн зерна',
    'новых квартир',
    'пассажиров',
    'контейнеров',
    'больничных коек',
    'километров дорог',
    'рабочих мест',
    'школьников',
  ],
  times: ['в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'на прошлой неделе', 'в начале месяца'],
  headings: ['Что дальше', 'Реакция', 'Цифры', 'Предыстория'],
  listIntro: ['Основные показатели:', 'Среди мер:', 'План включает:'],
  listItem: (g) =>
    g.rng.pick([
      () => `${g.count()} ${g.thing()} в ${g.place()}`,
      () => `рост на ${g.percent()} по сравнению с прошлым годом`,
      () => `${g.money()} на программу до ${g.year()} года`,
    ])(),
  headline: (g) =>
    g.rng.pick([
      () => `В ${g.place()} насчитали ${g.count()} ${g.thing()}`,
      () => `Власти выделят ${g.money()} на программу развития до ${g.year()} года`,
      () => `Число ${g.thing().split(' ').slice(1).join(' ') || g.thing()} выросло на ${g.percent()}`,
    ])(),
  standfirst: (g) =>
    `По данным ведомства, показатели изменились сильнее, чем ожидалось, а расходы достигнут ${g.money()}.`,
  sentences: [
    (g) =>
      `Об этом ${g.time()} сообщили ${g.org()}. По данным ведомства, с начала года в ${g.place()} зафиксировано ${g.count()} ${g.thing()}.`,
    (g) => `Это на ${g.percent()} больше, чем годом ранее.`,
    (g) =>
      `«Мы делаем всё возможное, но цифры говорят сами за себя», — сказал ${g.person()}, ${g.rng.pick(g.grammar.roles)}.`,
    (g) =>
      `Стоимость программы, по оценке ведомства, выросла до ${g.money()}, в основном из-за подорожания материалов.`,
    (g) => `Работы планируется завершить к ${g.year()} году, на два года позже первоначального срока.`,
    (g) =>
      `Жители ${g.rng.pick(['района', 'города', 'посёлка'])} говорят, что заметили изменения ещё несколько месяцев назад.`,
    () => `Критики считают, что меры приняты слишком поздно и мало помогут жителям.`,
    (g) => `Кроме того, ${g.org()} сообщили о выделении ${g.money()} на срочные работы.`,
    () => `Общественные обсуждения проекта продлятся до конца месяца.`,
    (g) => `Аналитики объясняют снижение на ${g.percent()} необычно тёплой погодой в первом квартале.`,
  ],
  sections: ['obshchestvo', 'ekonomika', 'gorod', 'politika'],
};

const UKRAINIAN: Grammar = {
  lang: 'uk',
  orgs: [
    'у міністерстві інфраструктури',
    'в обласній адміністрації',
    'в управлінні статистики',
    'у міській раді',
    'в обласному управлінні охорони здоров’я',
    'у департаменті освіти',
  ],
  people: [
    'Ігор Шевченко',
    'Оксана Бондар',
    'Дмитро Ткаченко',
    'Наталія Коваленко',
    'Сергій Лисенко',
    'Катерина Мороз',
  ],
  roles: [
    'заступник голови адміністрації',
    'голова громади',
    'економіст',
    'керівник профільного відомства',
    'представник профспілки',
  ],
  places: [
    'Північному районі',
    'обласному центрі',
    'передмісті',
    'Заводському районі',
    'прибережних селищах',
    'старій частині міста',
  ],
  things: [
    'тонн зерна',
    'нових квартир',
    'пасажирів',
    'контейнерів',
    'лікарняних ліжок',
    'кілометрів доріг',
    'робочих місць',
    'школярів',
  ],
  times: ['у понеділок', 'у вівторок', 'у середу', 'у четвер', 'у п’ятницю', 'минулого тижня', 'на початку місяця'],
  headings: ['Що далі', 'Реакція', 'Цифри', 'Передісторія'],
  listIntro: ['Основні показники:', 'Серед заходів:', 'План передбачає:'],
  listItem: (g) =>
    g.rng.pick([
      () => `${g.count()} ${g.thing()} у ${g.place()}`,
      () => `зростання на ${g.percent()} порівняно з минулим роком`,
      () => `${g.money()} на програму до ${g.year()} року`,
    ])(),
  headline: (g) =>
    g.rng.pick([
      () => `У ${g.place()} нарахували ${g.count()} ${g.thing()}`,
      () => `Влада виділить ${g.money()} на програму розвитку до ${g.year()} року`,
      () => `Кількість ${g.thing().split(' ').slice(1).join(' ') || g.thing()} зросла на ${g.percent()}`,
    ])(),
  standfirst: (g) =>
    `За даними відомства, показники змінилися сильніше, ніж очікувалося, а видатки сягнуть ${g.money()}.`,
  sentences: [
    (g) =>
      `Про це ${g.time()} повідомили ${g.org()}. За даними відомства, з початку року в ${g.place()} зафіксовано ${g.count()} ${g.thing()}.`,
    (g) => `Це на ${g.percent()} більше, ніж роком раніше.`,
    (g) =>
      `«Ми робимо все можливе, але цифри говорять самі за себе», — сказав ${g.person()}, ${g.rng.pick(g.grammar.roles)}.`,
    (g) => `Вартість програми, за оцінкою відомства, зросла до ${g.money()}, переважно через подорожчання матеріалів.`,
    (g) => `Роботи планують завершити до ${g.year()} року, на два роки пізніше від початкового терміну.`,
    (g) => `Мешканці ${g.rng.pick(['району', 'міста', 'селища'])} кажуть, що помітили зміни ще кілька місяців тому.`,
    () => `Критики вважають, що заходи ухвалено надто пізно і вони мало допоможуть мешканцям.`,
    (g) => `Крім того, ${g.org()} повідомили про виділення ${g.money()} на термінові роботи.`,
    () => `Громадське обговорення проєкту триватиме до кінця місяця.`,
    (g) => `Аналітики пояснюють зниження на ${g.percent()} незвично теплою погодою в першому кварталі.`,
  ],
  sections: ['suspilstvo', 'ekonomika', 'misto', 'polityka'],
};

const GRAMMARS: Record<'en' | 'ru' | 'uk', Grammar> = { en: ENGLISH, ru: RUSSIAN, uk: UKRAINIAN };

function paragraph(g: Filler, used: Set<number>): string {
  const count = g.rng.int(1, 3);
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) {
    let index = g.rng.int(0, g.grammar.sentences.length - 1);
    // Prefer sentences not used yet in this article, so paragraphs do not repeat word for word.
    for (let tries = 0; tries < 6 && used.has(index); tries++) index = g.rng.int(0, g.grammar.sentences.length - 1);
    used.add(index);
    sentences.push(g.grammar.sentences[index]!(g));
  }
  return sentences.join(' ');
}

const LATIN_NAMES = [
  'Sam Porter',
  'Lena Fischer',
  'Marco Rossi',
  'Ruth Adeyemi',
  'Ivan Petrenko',
  'Julia Nowak',
  'Chris Doyle',
];

/** One generated article; `index` varies the date and the slug. */
export function generateArticle(rng: Random, lang: 'en' | 'ru' | 'uk', index: number): ArticleSource {
  const grammar = GRAMMARS[lang];
  const g = new Filler(rng, grammar);
  const paragraphs = rng.int(4, 13);
  const used = new Set<number>();
  const body: BodyBlock[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i > 1 && rng.chance(0.12)) body.push({ h: rng.pick(grammar.headings) });
    if (i > 0 && rng.chance(0.1)) {
      body.push({ p: rng.pick(grammar.listIntro) });
      const items: string[] = [];
      for (let k = rng.int(3, 6); k > 0; k--) items.push(grammar.listItem(g));
      body.push(rng.chance(0.7) ? { ul: items } : { ol: items });
    }
    body.push({ p: paragraph(g, used) });
  }
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const hour = String(rng.int(5, 22)).padStart(2, '0');
  const minute = String(rng.int(0, 59)).padStart(2, '0');
  const offset = lang === 'en' ? rng.pick(['+00:00', '+01:00', '-05:00', '+02:00']) : rng.pick(['+03:00', '+02:00']);
  const year = rng.pick(['2023', '2024']);
  const author = lang === 'en' ? rng.pick(LATIN_NAMES) : rng.pick(grammar.people);
  return {
    id: `gen-${lang}-${index}`,
    lang,
    headline: grammar.headline(g),
    standfirst: rng.chance(0.6) ? grammar.standfirst(g) : null,
    authors: rng.chance(0.85) ? [author] : [],
    publishedAt: `${year}-${month}-${day}T${hour}:${minute}:00${offset}`,
    modifiedAt: rng.chance(0.3)
      ? `${year}-${month}-${day}T${String(Math.min(23, Number(hour) + 1)).padStart(2, '0')}:${minute}:00${offset}`
      : null,
    section: rng.pick(grammar.sections),
    slug: `${lang}-report-${index}-${rng.hex(6)}`,
    body,
    caption:
      lang === 'en'
        ? `A view of ${g.place()} earlier this year.`
        : lang === 'ru'
          ? 'Вид на город.'
          : 'Вигляд на місто.',
    credit:
      lang === 'en'
        ? rng.pick(['Staff photographer', 'City archive', 'Reuters', 'Getty Images'])
        : rng.pick(['Пресс-служба', 'Архів редакції']),
  };
}
