import type { StoredEvent } from '@tally/events';
import { InMemoryProjections, type ProjectionSetOptions } from '../applyEvents.ts';
import { LogBuilder } from './LogBuilder.ts';

export interface ProjectionThen {
  then(assert: (projections: InMemoryProjections, log: StoredEvent[]) => void): void;
}

/**
 * Given / when / then for projections: `given` builds the log so far, `when` appends the events
 * under test (applied as a separate batch), `then` looks at the rows.
 *
 *     given((log) => log.feedRegistered(id, url)).when((log) => log.feedPollFailed(id, …)).then((p) => …)
 */
export function given(build: (log: LogBuilder) => unknown = () => {}, options: ProjectionSetOptions = {}) {
  return {
    when(act: (log: LogBuilder) => unknown = () => {}): ProjectionThen {
      const log = new LogBuilder();
      build(log);
      const n = log.entries.length;
      act(log);
      const events = log.stored();
      const projections = new InMemoryProjections(options).apply(events.slice(0, n)).apply(events.slice(n));
      // biome-ignore lint/suspicious/noThenProperty: given / when / then reads as the spec; it is never awaited.
      return { then: (assert) => assert(projections, events) };
    },
  };
}
