import { describe, expect, it } from 'vitest';
import { articleEventTypes } from './articleStream.ts';
import { eventTypes } from './catalog.ts';
import { feedEventTypes } from './feedStream.ts';
import { feedSubscriptionEventTypes } from './feedSubscriptionStream.ts';
import { figureEventTypes } from './figureStream.ts';

describe('stream unions', () => {
  it('hold every feed and article event of the catalog, and the claims of a figure', () => {
    // A feed's stream holds its polling's events and its WebSub subscription's.
    expect([...feedEventTypes, ...feedSubscriptionEventTypes].sort()).toEqual(
      eventTypes.filter((t) => t.startsWith('Feed')).sort(),
    );
    expect([...articleEventTypes].sort()).toEqual(eventTypes.filter((t) => t.startsWith('Article')).sort());
    expect([...figureEventTypes]).toEqual(['ClaimExtracted']);
  });

  it('put no event on two streams', () => {
    const onStreams = [...feedEventTypes, ...feedSubscriptionEventTypes, ...articleEventTypes, ...figureEventTypes];
    expect(new Set(onStreams).size).toBe(onStreams.length);
  });
});
