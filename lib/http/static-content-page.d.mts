// Types for static-content-page.mjs (plain JavaScript so that server.mjs can import it unbuilt).
export declare function isStaticContentPath(url: string): boolean;
export declare const HEADER_ISLAND: string;
export declare function toStaticContentPage(html: string): string;
