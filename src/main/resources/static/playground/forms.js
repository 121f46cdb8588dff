// Forms built from the catalog's parameter descriptions: one input per parameter, pre-filled with
// the catalog's default, each tagged with the API field path (data-field) so that a problem's
// errors[].field can find it.

function describe(p) {
  const bounds = [];
  if (p.minimum !== null && p.minimum !== undefined) bounds.push(`${p.exclusiveMinimum ? '>' : '≥'} ${p.minimum}`);
  if (p.maximum !== null && p.maximum !== undefined) bounds.push(`${p.exclusiveMaximum ? '<' : '≤'} ${p.maximum}`);
  const note = p.defaultNote ? ` Default: ${p.defaultNote}.` : '';
  return `${p.description}${bounds.length ? ` (${bounds.join(', ')})` : ''}${note}`;
}

function text(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Fills `container` with inputs for `params` and answers an object whose `values()` gives the
 * parameters that differ from their defaults (as the request should carry them) and whose
 * `raw()` gives the same as the text typed (for the URL).
 */
export function parameterForm(container, params, prefix, given = {}, skip = []) {
  container.replaceChildren();
  const inputs = [];
  for (const p of params) {
    if (skip.includes(p.name)) continue;
    const label = document.createElement('label');
    label.className = 'field';
    label.title = describe(p);
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = p.name + (p.required ? ' *' : '');
    let input;
    if (p.type === 'boolean') {
      label.classList.add('check');
      input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = given[p.name] !== undefined ? given[p.name] === true || given[p.name] === 'true' : p.default === true;
      label.append(input, name);
    } else if (p.choices) {
      input = document.createElement('select');
      for (const choice of p.choices) input.add(new Option(choice, choice));
      input.value = given[p.name] !== undefined ? given[p.name] : text(p.default);
      label.append(name, input);
    } else {
      input = document.createElement('input');
      input.autocomplete = 'off';
      input.inputMode = p.type === 'number' || p.type === 'integer' ? 'decimal' : 'text';
      input.value = given[p.name] !== undefined ? text(given[p.name]) : text(p.default);
      input.placeholder = p.required ? 'required' : p.defaultNote ? 'auto' : '';
      label.append(name, input);
    }
    input.dataset.field = `${prefix}.${p.name}`;
    input.dataset.param = p.name;
    container.appendChild(label);
    inputs.push({ p, input });
  }
  return {
    inputs,
    values() {
      const out = {};
      for (const { p, input } of inputs) {
        const value = parse(p, input);
        if (value === undefined) continue;
        if (p.default !== null && p.default !== undefined && same(value, p.default)) continue;
        out[p.name] = value;
      }
      return out;
    },
    raw() {
      const out = {};
      for (const { p, input } of inputs) {
        const value = p.type === 'boolean' ? input.checked : input.value;
        if (p.type === 'boolean' ? value !== (p.default === true) : value !== text(p.default)) out[p.name] = value;
      }
      return out;
    },
    set(name, value) {
      const found = inputs.find(({ p }) => p.name === name);
      if (!found) return false;
      if (found.p.type === 'boolean') found.input.checked = value === true;
      else found.input.value = text(value);
      return true;
    },
  };
}

function same(a, b) {
  return typeof a === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/** The input's value for the request; a text that is not a number is sent as typed, for the server to name. */
function parse(p, input) {
  if (p.type === 'boolean') return input.checked;
  const raw = input.value.trim();
  if (raw === '') return undefined;
  if (p.type === 'number' || p.type === 'integer') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  }
  if (p.type.startsWith('array') || p.type === 'object') {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}
