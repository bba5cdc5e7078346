/** Set by vite.config.ts: true when `npm start` serves the demo in front of the reference server. */
declare const __DEMO_ON_SERVER__: boolean;
