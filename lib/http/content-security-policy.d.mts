// Types for content-security-policy.mjs (plain JavaScript so that server.mjs can import it unbuilt).
export declare const SCRIPTS_RUN_MARKER: string;
export declare function createNonce(): string;
export declare function hashSource(scriptText: string): string;
export declare function inlineScriptHashes(html: string): string[];
export declare function buildContentSecurityPolicy(options: { scriptSources: string[]; development?: boolean }): string;
export declare function buildNoncePolicy(nonce: string, options?: { development?: boolean }): string;
export declare function buildStaticPagePolicy(html: string): string;
