/** The projector's entry: read-only, from `#workshop=<id>&token=<screenToken>`. */
import { mount } from 'svelte';
import '../lib/base.css';
import './screen.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (target) mount(App, { target });
