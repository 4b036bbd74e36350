<?php
/**
 * Renders one widget element (shortcode and block share this) and enqueues its script: a module from
 * the Trust's endpoint, `/widgets/<version>/involve-<kind>.js`, with the SRI hash from the endpoint's
 * `/widgets/latest/sizes.json` (cached for 5 minutes, as the endpoint caches it; the plugin's own copy if the endpoint can't be
 * reached). Every attribute is validated, then escaped with esc_attr/esc_url.
 */

if (!defined('ABSPATH')) {
    exit;
}

add_filter('script_loader_tag', 'involve_widgets_script_tag', 10, 3);

/** The endpoint's sizes.json ({ version, files: [{ name, integrity }] }), or null. */
function involve_widgets_sizes($endpoint) {
    $key = 'involve_widgets_sizes_' . md5($endpoint);
    $cached = get_transient($key);
    if (is_array($cached)) {
        return $cached;
    }
    $sizes = null;
    $response = wp_remote_get($endpoint . '/widgets/latest/sizes.json', array('timeout' => 5, 'headers' => array('Accept' => 'application/json')));
    if (!is_wp_error($response) && wp_remote_retrieve_response_code($response) === 200) {
        $sizes = json_decode(wp_remote_retrieve_body($response), true);
    }
    if (!is_array($sizes) && is_readable(dirname(__DIR__) . '/sizes.json')) {
        $sizes = json_decode((string) file_get_contents(dirname(__DIR__) . '/sizes.json'), true);
    }
    if (!is_array($sizes) || !isset($sizes['version'], $sizes['files']) || !preg_match('/^[0-9A-Za-z.+-]+$/', (string) $sizes['version'])) {
        return null;
    }
    set_transient($key, $sizes, 5 * MINUTE_IN_SECONDS);
    return $sizes;
}

/** Registers and enqueues `involve-<kind>` once; WordPress prints it once however many widgets use it. */
function involve_widgets_enqueue($kind, $endpoint) {
    $handle = 'involve-' . $kind;
    if (wp_script_is($handle, 'enqueued')) {
        return true;
    }
    $sizes = involve_widgets_sizes($endpoint);
    if (!$sizes) {
        return false;
    }
    $integrity = '';
    foreach ($sizes['files'] as $file) {
        if (is_array($file) && isset($file['name'], $file['integrity']) && $file['name'] === $handle . '.js') {
            $integrity = (string) $file['integrity'];
        }
    }
    if (!preg_match('/^sha384-[A-Za-z0-9+\/=]+$/', $integrity)) {
        return false;
    }
    $src = $endpoint . '/widgets/' . rawurlencode($sizes['version']) . '/' . $handle . '.js';
    wp_register_script($handle, $src, array(), null, true);
    wp_script_add_data($handle, 'involve_integrity', $integrity);
    wp_enqueue_script($handle);
    return true;
}

/** Our handles print as `<script type="module" src integrity crossorigin>`. */
function involve_widgets_script_tag($tag, $handle, $src) {
    if (strpos($handle, 'involve-') !== 0 || !in_array(substr($handle, 8), INVOLVE_WIDGETS_KINDS, true)) {
        return $tag;
    }
    $integrity = wp_scripts()->get_data($handle, 'involve_integrity');
    return sprintf(
        '<script type="module" src="%s" integrity="%s" crossorigin="anonymous" id="%s-js"></script>' . "\n",
        esc_url($src),
        esc_attr($integrity),
        esc_attr($handle)
    );
}

/** Shortcode/block attributes → the element's, validated. Unknown attributes are ignored. */
function involve_widgets_attributes($kind, $atts) {
    $atts = shortcode_atts(array(
        'partner' => get_option(INVOLVE_WIDGETS_OPTION_PARTNER, ''),
        'easy_read' => '',
        'heading_level' => '',
        'limit' => '',
        'collaborative' => '',
        'workstream' => '',
        'accent_colour' => '',
        'theme' => '',
    ), $atts, 'involve_' . $kind);

    $out = array();
    $partner = involve_widgets_sanitize_partner($atts['partner']);
    if ($kind !== 'meetings' && $partner !== '') {
        $out['partner'] = $partner;
    }
    if (in_array(strtolower((string) $atts['easy_read']), array('1', 'yes', 'true', 'on'), true)) {
        $out['easy-read'] = true;
    }
    $level = (int) $atts['heading_level'];
    if ($level >= 2 && $level <= 6) {
        $out['heading-level'] = (string) $level;
    }
    if (strtolower((string) $atts['theme']) === 'dark') {
        $out['theme'] = 'dark';
    }
    if ($kind === 'meetings') {
        $limit = (int) $atts['limit'];
        if ($limit >= 1 && $limit <= 50) {
            $out['limit'] = (string) $limit;
        }
        foreach (array('collaborative', 'workstream') as $name) {
            $value = sanitize_text_field((string) $atts[$name]);
            if ($value !== '') {
                $out[$name] = $value;
            }
        }
    }
    $colour = sanitize_hex_color((string) $atts['accent_colour']);
    if ($colour) {
        $out['style'] = '--involve-accent-colour: ' . $colour;
    }
    return $out;
}

/** The element's HTML, or a note for editors when the plugin isn't set up (nothing for visitors). */
function involve_widgets_render($kind, $atts) {
    if (!in_array($kind, INVOLVE_WIDGETS_KINDS, true)) {
        return '';
    }
    $endpoint = get_option(INVOLVE_WIDGETS_OPTION_ENDPOINT, '');
    if ($endpoint === '' || !involve_widgets_enqueue($kind, $endpoint)) {
        return current_user_can('edit_posts')
            ? '<p class="involve-widgets-notice">' . esc_html__('Involvement widget: set the Trust endpoint address in Settings → Involvement widgets (or the endpoint could not be reached).', 'involve-widgets') . '</p>'
            : '';
    }
    $html = '<involve-' . $kind . ' endpoint="' . esc_url($endpoint) . '"';
    foreach (involve_widgets_attributes($kind, $atts) as $name => $value) {
        $html .= $value === true ? ' ' . $name : ' ' . $name . '="' . esc_attr($value) . '"';
    }
    return $html . '></involve-' . $kind . '>';
}
