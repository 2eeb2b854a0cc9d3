export { apiPorts } from './apiPorts.ts';
export { runService, type ServiceOptions } from './runService.ts';
export { untilShutdownSignal } from './untilShutdownSignal.ts';
