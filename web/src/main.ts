import { createApp } from 'vue';
import { fetchMe } from './api/auth';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { currentUser, refreshUser } from './session/session';

createApp(App).use(i18n).use(router).mount('#app');

// A stored session may describe the user as they were (a role changed since) or hold a token the
// API has revoked: ask once at start. A 401 signs out through the client; anything else can wait.
void router.isReady().then(async () => {
  if (currentUser.value) await fetchMe().then(refreshUser, () => undefined);
});
