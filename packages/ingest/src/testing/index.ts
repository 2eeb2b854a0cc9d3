export {
  articleDiscovered,
  GIVEN_EPOCH_MS,
  type Given,
  givenArticle,
  givenFeed,
  givenToken,
  storedStream,
} from './given.ts';
