import type { Entity } from '../gazetteer.ts';
import type { FigureFound } from '../sentence/figureFound.ts';

/**
 * Who inflicted the casualties of an attack, carried through its report: "Gunmen opened fire …,
 * killing at least 19 people … About 50 other people were wounded": the wounded nobody is said to
 * have wounded are of the attack told before, whose actor the article named.
 */
export class CasualtyAgents {
  private last: Entity | null = null;

  /** Gives a casualty figure with no subject the last actor of casualties; remembers an actor. */
  carry(f: FigureFound): void {
    if (f.predicate !== 'kill' && f.predicate !== 'injure') return;
    if (f.subject) {
      if (f.subject.kind !== 'person') this.last = f.subject;
      return;
    }
    if (this.last && f.quantity.kind === 'count') f.subject = this.last;
  }
}
