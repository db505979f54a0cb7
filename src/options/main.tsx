import { mount } from '../ui/mount';
import './options.css';
import { App } from './App';

mount(<App />);
