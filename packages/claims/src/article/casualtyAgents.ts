import type { Entity } from '../gazetteer.ts';
import type { FigureFound } from '../sentence/figureFound.ts';

/**
 * Who inflicted the casualties of an attack, carried through its report: "Gunmen opened fire …,
 * killing at least 19 people … About 50 other people were wounded": the wounded nobody is said to
 * have wounded are of the attack told before, whose actor the article named.
 */
export class CasualtyAgents {
  private last: Entity | null = null;
  private lastSentence = -1;

  /**
   * Gives a casualty figure with no subject the last actor of casualties, named at most `REACH`
   * sentences before (`sentence` is the figure's index); remembers an actor.
   */
  carry(f: FigureFound, sentence: number): void {
    if (f.predicate !== 'kill' && f.predicate !== 'injure') return;
    if (f.subject) {
      if (f.subject.kind !== 'person') {
        this.last = f.subject;
        this.lastSentence = sentence;
      }
      return;
    }
    if (this.last && f.quantity.kind === 'count' && sentence - this.lastSentence <= REACH) f.subject = this.last;
  }
}

/** Sentences an attack's actor is carried over: its report (a few paragraphs), not a later story of the article. */
const REACH = 8;
