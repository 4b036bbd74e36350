<?php
/**
 * Plugin Name:       Involvement widgets (NHS)
 * Description:       The Trust's involvement sign-up, Collaborative meetings and feedback widgets, as shortcodes and blocks. Works for Authors and Contributors and where unfiltered HTML is switched off.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       involve-widgets
 *
 * Shortcodes: [involve_signup], [involve_meetings limit="6"], [involve_feedback]. Blocks: "Involvement
 * sign-up", "Involvement meetings", "Involvement feedback". The widget script comes from the Trust's
 * endpoint (Settings → Involvement widgets), once per page per widget, as a module with its SRI hash.
 */

if (!defined('ABSPATH')) {
    exit;
}

const INVOLVE_WIDGETS_OPTION_ENDPOINT = 'involve_widgets_endpoint';
const INVOLVE_WIDGETS_OPTION_PARTNER = 'involve_widgets_partner';
const INVOLVE_WIDGETS_KINDS = array('signup', 'meetings', 'feedback');

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/widget.php';
require_once __DIR__ . '/includes/blocks.php';

add_action('init', 'involve_widgets_register');

function involve_widgets_register() {
    foreach (INVOLVE_WIDGETS_KINDS as $kind) {
        add_shortcode('involve_' . $kind, function ($atts) use ($kind) {
            return involve_widgets_render($kind, is_array($atts) ? $atts : array());
        });
    }
    involve_widgets_register_blocks();
}
