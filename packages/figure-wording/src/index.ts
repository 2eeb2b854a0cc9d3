export {
  countedThing,
  describeFigure,
  describeMove,
  describeQuantity,
  directionOf,
  type FigureMove,
  type FigureWording,
  formatNumber,
  pluralize,
  type Quantity,
  readableNumber,
} from './wording.ts';
