export {
  openLiveStream,
  type LiveEvent,
  type LiveStream,
  type LiveStreamOptions,
  type LiveStreamStatus,
} from './live-stream';
