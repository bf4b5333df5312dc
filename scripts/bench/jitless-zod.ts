import { z } from 'zod';

// Code evaluated by Playwright runs exempt from the page's Content-Security-Policy, so zod's probe for `new Function`
// would pass during the evaluation and its compiled parsers then throw in later callbacks (a WebSocket message).
// The app itself finds eval refused and parses without compiling: the same here. Imported first, before any schema.
z.config({ jitless: true });
