/** /login > My Account > Language: stores the interface language; answers the caller's `Me` carrying it. */
import { z } from 'zod';
import { Me } from '../../appliance/src/protocol/index.js';
import { postJson } from '../shared-http/http.js';

export const uiLanguageApi = {
  set: (language: string) => postJson('/login/api/account/ui-language', { language }, z.object({ me: Me })),
};
