import { createApp } from 'vue';
import '@dialnexa/account-elements/account-provider';
import '@dialnexa/account-elements/profile-form';
import App from './App.vue';

createApp(App).mount('#app');
