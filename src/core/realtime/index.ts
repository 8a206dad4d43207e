/**
The provider-neutral realtime session: a typed stream of parts, reconnects that replay the audio
since the last final word, and the running transcript. Providers build on it (`scribekit/soniox`
has `createSonioxRealtime`).

@module
*/
export type {
  RealtimeAuthentication,
  RealtimeEndpointPart,
  RealtimeErrorPart,
  RealtimeFinalizedPart,
  RealtimePart,
  RealtimePartOf,
  RealtimePartType,
  RealtimeReconnectedPart,
  RealtimeReconnectingPart,
  RealtimeSessionEndPart,
  RealtimeSessionStartPart,
  RealtimeTranscriptFinalPart,
  RealtimeTranscriptPartialPart,
  RealtimeTranslationFinalPart,
  RealtimeTranslationPartialPart,
} from './realtime-part.js';
export type {
  RealtimeConnectionContext,
  RealtimeConnectionRequest,
  RealtimeDecoder,
  RealtimeProtocol,
  RealtimeServerError,
  RealtimeServerMessage,
  RealtimeTranslationText,
} from './realtime-protocol.js';
export {
  openRealtimeSession,
  type RealtimeAudioChunk,
  type RealtimeSession,
  type RealtimeSessionSetup,
  type RealtimeSessionState,
  type RealtimeSessionStats,
} from './realtime-session.js';
export {
  realtimeSessionOptionEntries,
  reconnectDelay,
  resolveRealtimeSessionOptions,
  type RealtimeReconnectOptions,
  type RealtimeSessionOptions,
  type ResolvedRealtimeSessionOptions,
} from './realtime-session-options.js';
export { RunningTranscript, type RunningTranscriptSnapshotOptions } from './running-transcript.js';
export {
  resolveWebSocketTransport,
  type WebSocketTransport,
  type WebSocketTransportOptions,
} from './open-websocket.js';
export {
  readMessageText,
  toWebSocketUrl,
  type WebSocketCloseEventLike,
  type WebSocketConstructorLike,
  type WebSocketLike,
  type WebSocketListenerLike,
  type WebSocketMessageEventLike,
} from './websocket-like.js';
