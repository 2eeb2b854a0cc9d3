export {
  createGuardedPoster,
  type GuardedPoster,
  type GuardedPosterOptions,
  type PostResult,
} from './createGuardedPoster.ts';
export {
  createHostLimiter,
  type HostLimit,
  type HostLimiter,
  type HostLimiterOptions,
  HostUnavailableError,
} from './createHostLimiter.ts';
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
} from './createHttpClient.ts';
export {
  createRobotsRules,
  productToken,
  type RobotsRules,
  type RobotsRulesOptions,
} from './createRobotsRules.ts';
export { FetchError } from './FetchError.ts';
export { isRefusedAddress } from './isRefusedAddress.ts';
