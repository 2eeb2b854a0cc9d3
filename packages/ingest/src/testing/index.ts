export {
  articleDiscovered,
  GIVEN_EPOCH_MS,
  type Given,
  givenArticle,
  givenFeed,
  storedStream,
} from './given.ts';
