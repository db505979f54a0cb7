// The first-run page, opened once when Doorman is installed (src/background/first-run.ts).
import { mount } from '../ui/mount';
import './firstrun.css';
import { FirstRun } from './FirstRun';

mount(<FirstRun />);
