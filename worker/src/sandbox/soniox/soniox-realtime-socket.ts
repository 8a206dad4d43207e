/**
The server end of an accepted realtime WebSocket, whatever runtime holds it: workerd's
`WebSocketPair`, or a Node adapter's `ws` connection.
*/
export interface SandboxSocket {
  /** Sends a text frame. */
  send(data: string): void;
  /** Closes with a close frame. */
  close(code: number, reason: string): void;
  /**
  Drops the connection without a proper close, as a network failure would: Node's `ws`
  terminates the TCP connection (the client sees 1006); workerd, which cannot, closes with 1011.
  */
  drop(): void;
}

/** What a runtime adapter feeds an accepted socket's session. */
export interface SandboxSocketHandlers {
  /** A frame arrived: a string for text frames, bytes (or a `Blob`, as workerd delivers them) for binary frames. */
  message(data: string | ArrayBuffer | Uint8Array | Blob): void;
  /** The client closed the connection, or it broke. */
  closed(code: number | undefined): void;
}

/**
The answer to a WebSocket upgrade request: refused with an HTTP response, or accepted with the
subprotocol to echo and a function that starts the session on the accepted socket.
*/
export type SandboxUpgrade =
  | { readonly accepted: false; readonly response: Response }
  | {
      readonly accepted: true;
      /** The subprotocol to send back in `Sec-WebSocket-Protocol`, if the client offered one the sandbox selects. */
      readonly protocol: string | undefined;
      /** Starts the session on the accepted socket; the adapter forwards frames to the returned handlers. */
      attach(socket: SandboxSocket): SandboxSocketHandlers;
    };
