export { runService, type ServiceOptions } from './runService.ts';
export { untilShutdownSignal } from './untilShutdownSignal.ts';
