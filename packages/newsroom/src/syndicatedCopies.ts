import type { Block } from './ArticlePage.ts';
import { plainTypography } from './corpusFormat.ts';
import { demoOutlets } from './demoOutlets.ts';

/**
 * The two republications of the syndicated seed report (`syndicatedSeedId`): another headline and
 * furniture, a credit line or the copy desk's plain typography, tracking parameters on the feed link.
 */
export function syndicatedCopies(originalBody: Block[]) {
  return [
    {
      outlet: demoOutlets.carpathianWire,
      path: '/o/carpathian-wire/europe/north-korean-munitions-keep-flowing-to-russia-us-mission-says-20240503.html',
      tracking: '?utm_source=carpathian-wire&utm_medium=rss&utm_campaign=europe',
      publishedAt: '2024-05-03T11:30:00+02:00',
      dateline: '03/05/2024 11:30 CEST',
      headline: 'North Korean munitions keep flowing to Russia, US mission to the OSCE says',
      standfirst: 'Washington says Pyongyang wants Russian military technology in return.',
      body: originalBody,
      after: [
        {
          kind: 'credit',
          text: 'This article was originally published by Bridges Review and is republished here under a content-sharing agreement.',
        },
        {
          kind: 'plea',
          text: 'Get the Carpathian Wire daily briefing: the five stories you need before breakfast.',
          cta: 'Sign up free',
        },
      ] satisfies Block[],
      id: 'carpathian-wire-88412',
    },
    {
      outlet: demoOutlets.steppeCourier,
      path: '/o/steppe-courier/articles/2024-05-04/pyongyang-ships-moscow-more-ammunition',
      tracking: '?utm_source=rss&utm_medium=rss&utm_campaign=pyongyang-ships-moscow-more-ammunition',
      publishedAt: '2024-05-04T08:15:00+03:00',
      dateline: '04.05.2024, 08:15',
      headline: 'Pyongyang ships Moscow more ammunition, US envoy tells OSCE',
      standfirst: null,
      body: originalBody.flatMap((b): Block[] =>
        b.kind === 'p' ? [{ kind: 'p', text: plainTypography(b.text) }] : [],
      ),
      after: [
        {
          kind: 'plea',
          text: 'Steppe Courier is independent and paid for by its readers. Subscribe and keep local reporting alive.',
          cta: 'Subscribe',
        },
      ] satisfies Block[],
      id: 'urn:uuid:5f0c2b7e-9a41-4c1e-8d55-3b2f4e6a7c90',
    },
  ];
}
