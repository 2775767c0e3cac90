// Types for server-action-origin.mjs (plain JavaScript so that server.mjs can import it unbuilt).
export declare const SERVER_ACTION_REFUSAL_MESSAGE: string;
export declare const SERVER_ACTION_REFUSAL_HEADERS: Readonly<Record<string, string>>;
export declare function refusesServerAction(request: {
  method: string | undefined;
  path: string | undefined;
  header: (name: string) => string | undefined;
  appUrl: string | undefined;
}): boolean;
