<?php
/** Settings → Involvement widgets: the Trust's endpoint (which also hosts the widget files) and the partner id. */

if (!defined('ABSPATH')) {
    exit;
}

add_action('admin_init', 'involve_widgets_register_settings');
add_action('admin_menu', 'involve_widgets_settings_menu');

/** An http(s) URL without a trailing slash, or ''. */
function involve_widgets_sanitize_endpoint($value) {
    $url = esc_url_raw(trim((string) $value), array('https', 'http'));
    return untrailingslashit($url);
}

/** A partner id as the Trust issues them (lower-case letters, digits, hyphens), or ''. */
function involve_widgets_sanitize_partner($value) {
    $value = strtolower(trim((string) $value));
    return preg_match('/^[a-z0-9][a-z0-9-]{0,99}$/', $value) ? $value : '';
}

function involve_widgets_register_settings() {
    register_setting('involve_widgets', INVOLVE_WIDGETS_OPTION_ENDPOINT, array(
        'type' => 'string',
        'sanitize_callback' => 'involve_widgets_sanitize_endpoint',
        'default' => '',
        'show_in_rest' => true,
    ));
    register_setting('involve_widgets', INVOLVE_WIDGETS_OPTION_PARTNER, array(
        'type' => 'string',
        'sanitize_callback' => 'involve_widgets_sanitize_partner',
        'default' => '',
        'show_in_rest' => true,
    ));
}

function involve_widgets_settings_menu() {
    add_options_page(
        __('Involvement widgets', 'involve-widgets'),
        __('Involvement widgets', 'involve-widgets'),
        'manage_options',
        'involve-widgets',
        'involve_widgets_settings_page'
    );
}

function involve_widgets_settings_page() {
    if (!current_user_can('manage_options')) {
        return;
    }
    $endpoint = get_option(INVOLVE_WIDGETS_OPTION_ENDPOINT, '');
    $partner = get_option(INVOLVE_WIDGETS_OPTION_PARTNER, '');
    ?>
    <div class="wrap">
        <h1><?php echo esc_html__('Involvement widgets', 'involve-widgets'); ?></h1>
        <p><?php echo esc_html__('First ask the Trust to add your site\'s address to their allow-list for your partner id; until then the forms show but cannot send.', 'involve-widgets'); ?></p>
        <form method="post" action="options.php">
            <?php settings_fields('involve_widgets'); ?>
            <table class="form-table" role="presentation">
                <tr>
                    <th scope="row"><label for="involve-endpoint"><?php echo esc_html__('Trust endpoint (widget host) address', 'involve-widgets'); ?></label></th>
                    <td>
                        <input type="url" class="regular-text code" id="involve-endpoint" name="<?php echo esc_attr(INVOLVE_WIDGETS_OPTION_ENDPOINT); ?>" value="<?php echo esc_attr($endpoint); ?>" aria-describedby="involve-endpoint-hint" />
                        <p class="description" id="involve-endpoint-hint"><?php echo esc_html__('The address the Trust gave you, like https://involve.example.nhs.uk/api. The widget files are loaded from it too.', 'involve-widgets'); ?></p>
                    </td>
                </tr>
                <tr>
                    <th scope="row"><label for="involve-partner"><?php echo esc_html__('Partner id', 'involve-widgets'); ?></label></th>
                    <td>
                        <input type="text" class="regular-text code" id="involve-partner" name="<?php echo esc_attr(INVOLVE_WIDGETS_OPTION_PARTNER); ?>" value="<?php echo esc_attr($partner); ?>" aria-describedby="involve-partner-hint" />
                        <p class="description" id="involve-partner-hint"><?php echo esc_html__('The id the Trust gave your organisation, like healthwatch-coventry. Sign-ups and feedback are credited to it.', 'involve-widgets'); ?></p>
                    </td>
                </tr>
            </table>
            <?php submit_button(); ?>
        </form>
        <?php if ($endpoint) : ?>
            <p><a href="<?php echo esc_url($endpoint . '/embed/'); ?>"><?php echo esc_html__('Open the Trust\'s embed builder (options and a preview)', 'involve-widgets'); ?></a></p>
        <?php endif; ?>
    </div>
    <?php
}
