<?php
/**
 * One dynamic block per widget (`involve/signup`, `involve/meetings`, `involve/feedback`): saved as a
 * block comment with its attributes, rendered on the server by involve_widgets_render(), so Authors and
 * Contributors (no unfiltered_html) can add them. The editor side is blocks.js, plain JS, no build step.
 */

if (!defined('ABSPATH')) {
    exit;
}

function involve_widgets_register_blocks() {
    wp_register_script(
        'involve-widgets-blocks',
        plugins_url('blocks.js', dirname(__FILE__)),
        array('wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n'),
        '0.1.0',
        true
    );
    $common = array(
        'partner' => array('type' => 'string', 'default' => ''),
        'easy_read' => array('type' => 'boolean', 'default' => false),
        'heading_level' => array('type' => 'number', 'default' => 2),
        'accent_colour' => array('type' => 'string', 'default' => ''),
        'theme' => array('type' => 'string', 'default' => ''),
    );
    $meetings = array(
        'limit' => array('type' => 'number', 'default' => 6),
        'collaborative' => array('type' => 'string', 'default' => ''),
        'workstream' => array('type' => 'string', 'default' => ''),
    );
    foreach (INVOLVE_WIDGETS_KINDS as $kind) {
        register_block_type('involve/' . $kind, array(
            'api_version' => 2,
            'editor_script' => 'involve-widgets-blocks',
            'attributes' => $kind === 'meetings' ? array_merge($common, $meetings) : $common,
            'render_callback' => function ($attributes) use ($kind) {
                $atts = array();
                foreach ((array) $attributes as $name => $value) {
                    if (is_bool($value)) {
                        $value = $value ? 'yes' : '';
                    }
                    if ($name === 'partner' && $value === '') {
                        continue; // the site's partner id from Settings
                    }
                    $atts[$name] = (string) $value;
                }
                return involve_widgets_render($kind, $atts);
            },
        ));
    }
}
