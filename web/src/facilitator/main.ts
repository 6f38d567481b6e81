/** The facilitator's entry: the create page, or the run view when the address carries a workshop fragment. */
import { mount } from 'svelte';
import '../lib/base.css';
import './facilitator.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (target) mount(App, { target });
