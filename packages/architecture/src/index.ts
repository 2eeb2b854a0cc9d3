export {
  type AllowedViolation,
  checkHouse,
  type HouseReport,
  type HouseRules,
  type Layer,
  type Rule,
  type Violation,
} from './checkHouse.ts';
export { findCircles } from './findCircles.ts';
export { houseRules } from './houseRules.ts';
export { type ImportRef, readImports } from './readImports.ts';
export { readWorkspace, type SourceFile, type Workspace, type WorkspacePackage } from './readWorkspace.ts';
