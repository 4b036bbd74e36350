/* Editor side of the Involvement widget blocks: plain JS (no build step), wp.* globals only. The
 * blocks are dynamic: saved as a comment with attributes, rendered by PHP (includes/blocks.php). */
(function (wp) {
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var PanelBody = wp.components.PanelBody;
  var TextControl = wp.components.TextControl;
  var ToggleControl = wp.components.ToggleControl;
  var SelectControl = wp.components.SelectControl;

  var widgets = [
    { kind: 'signup', title: __('Involvement sign-up', 'involve-widgets'), description: __('The form to join the Trust\'s involvement network.', 'involve-widgets') },
    { kind: 'meetings', title: __('Involvement meetings', 'involve-widgets'), description: __('Upcoming Collaborative meetings.', 'involve-widgets') },
    { kind: 'feedback', title: __('Involvement feedback', 'involve-widgets'), description: __('Feedback about a Trust service.', 'involve-widgets') },
  ];

  widgets.forEach(function (w) {
    var attributes = {
      partner: { type: 'string', default: '' },
      easy_read: { type: 'boolean', default: false },
      heading_level: { type: 'number', default: 2 },
      accent_colour: { type: 'string', default: '' },
      theme: { type: 'string', default: '' },
    };
    if (w.kind === 'meetings') {
      attributes.limit = { type: 'number', default: 6 };
      attributes.collaborative = { type: 'string', default: '' };
      attributes.workstream = { type: 'string', default: '' };
    }
    wp.blocks.registerBlockType('involve/' + w.kind, {
      apiVersion: 2,
      title: w.title,
      description: w.description,
      category: 'widgets',
      icon: w.kind === 'meetings' ? 'calendar-alt' : w.kind === 'feedback' ? 'format-chat' : 'groups',
      attributes: attributes,
      supports: { html: false },
      edit: function (props) {
        var a = props.attributes;
        var set = function (name) { return function (value) { var o = {}; o[name] = value; props.setAttributes(o); }; };
        var controls = [
          el(ToggleControl, { key: 'er', label: __('Easy read', 'involve-widgets'), checked: !!a.easy_read, onChange: set('easy_read') }),
          el(SelectControl, {
            key: 'hl', label: __('Heading level', 'involve-widgets'), value: String(a.heading_level),
            options: [2, 3, 4, 5, 6].map(function (n) { return { label: 'h' + n, value: String(n) }; }),
            onChange: function (v) { props.setAttributes({ heading_level: Number(v) }); },
          }),
          el(ToggleControl, { key: 'th', label: __('Dark palette (dark site background)', 'involve-widgets'), checked: a.theme === 'dark', onChange: function (v) { props.setAttributes({ theme: v ? 'dark' : '' }); } }),
          el(TextControl, { key: 'ac', label: __('Button colour (#rrggbb, optional)', 'involve-widgets'), value: a.accent_colour, onChange: set('accent_colour') }),
        ];
        if (w.kind !== 'meetings') {
          controls.unshift(el(TextControl, { key: 'p', label: __('Partner id (empty: the one in Settings)', 'involve-widgets'), value: a.partner, onChange: set('partner') }));
        } else {
          controls.push(
            el(TextControl, { key: 'l', type: 'number', label: __('How many meetings', 'involve-widgets'), value: String(a.limit), onChange: function (v) { props.setAttributes({ limit: Number(v) || 6 }); } }),
            el(TextControl, { key: 'c', label: __('Only this Collaborative (optional)', 'involve-widgets'), value: a.collaborative, onChange: set('collaborative') }),
            el(TextControl, { key: 'w', label: __('Only this topic id (optional)', 'involve-widgets'), value: a.workstream, onChange: set('workstream') })
          );
        }
        return el('div', useBlockProps({ className: 'involve-widgets-block' }),
          el(InspectorControls, null, el(PanelBody, { title: __('Widget options', 'involve-widgets') }, controls)),
          el('p', null, el('strong', null, w.title), ' — ', __('shown on the published page.', 'involve-widgets'))
        );
      },
      save: function () { return null; },
    });
  });
})(window.wp);
