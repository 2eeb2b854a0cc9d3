import type { OutletUi } from './ArticlePage.ts';

export function englishUi(outletName: string, overrides: Partial<OutletUi> = {}): OutletUi {
  return {
    home: 'Home',
    cookie:
      'We and our partners use cookies to personalise content and ads, to provide social media features and to analyse our traffic. You can change your choice at any time in Privacy settings.',
    cookieAccept: 'Accept all',
    newsletter: `Get the ${outletName.replace(/^The /, '')} morning briefing in your inbox`,
    newsletterCta: 'Sign up',
    share: ['Facebook', 'Twitter', 'Telegram', 'Email'],
    comments: (count) => `View comments (${count})`,
    related: 'Related stories',
    mostRead: 'Most read',
    footer: `© ${outletName}. All rights reserved. Reproduction only with a hyperlink to the source.`,
    search: 'Search',
    subscribe: 'Subscribe',
    ...overrides,
  };
}

export function ukrainianUi(outletName: string): OutletUi {
  return {
    home: 'Головна',
    cookie: 'Ми використовуємо файли cookie, щоб сайт працював краще. Залишаючись на сайті, ви погоджуєтеся з цим.',
    cookieAccept: 'Погоджуюсь',
    newsletter: 'Підпишіться на щоденну розсилку новин',
    newsletterCta: 'Підписатися',
    share: ['Фейсбук', 'Телеграм', 'Вайбер', 'Пошта'],
    comments: (count) => `Коментарі (${count})`,
    related: 'Читайте також',
    mostRead: 'Стрічка новин',
    footer: `© ${outletName}. Усі права захищено. Використання матеріалів дозволяється лише за умови посилання на сайт.`,
    search: 'Пошук',
    subscribe: 'Підписуйтеся на наш Телеграм-канал',
  };
}
