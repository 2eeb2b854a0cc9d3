export { type ReceivedDelivery, type Receiver, startReceiver } from './receiver.ts';
