"""compare.md, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "f5745306956ff9adc64ce18e9e9e35568e8e6ad4aba3d91eb6221aacf6e6bfba"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'compare.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_statement = resolve('statement')
    l_0_ready_made = resolve('ready_made')
    l_0_picker = missing
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_2 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    yield '# '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare versions of the %(title)s', title=t_1(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title')))))
    yield '\n\n'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Pick any two versions to see what changed between them. The comparison is made in your browser from the published text of each version, and the address of this page follows your choice, so you can share it.')))
    yield '\n\n'
    l_1_choices = resolve('choices')
    l_1_messages = resolve('messages')
    t_3 = []
    pass
    t_3.extend((
        '<div class="statement-compare" data-statement-compare data-statement="',
        escape(environment.finalize(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'id'))),
        '" data-versions=\'',
        escape(environment.finalize(t_2(context.eval_ctx, (undefined(name='choices') if l_1_choices is missing else l_1_choices)))),
        "'",
    ))
    if (undefined(name='messages') if l_1_messages is missing else l_1_messages):
        pass
        t_3.extend((
            " data-messages='",
            escape(environment.finalize(t_2(context.eval_ctx, (undefined(name='messages') if l_1_messages is missing else l_1_messages)))),
            "'",
        ))
    t_3.extend((
        '>\n<div class="statement-compare__panel">\n<form class="statement-compare__pickers" action="" method="get" aria-label="',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Versions to compare'))),
        '">\n<div class="statement-compare__field">\n<label for="compare-from">',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'From the version effective'))),
        '</label>\n<select id="compare-from" name="from">\n',
    ))
    for l_2_choice in (undefined(name='choices') if l_1_choices is missing else l_1_choices):
        l_2_defaults = resolve('defaults')
        _loop_vars = {}
        pass
        t_3.extend((
            '<option value="',
            escape(environment.finalize(environment.getattr(l_2_choice, 'value'))),
            '"',
        ))
        if (environment.getattr(l_2_choice, 'value') == environment.getattr((undefined(name='defaults') if l_2_defaults is missing else l_2_defaults), 'from')):
            pass
            t_3.append(
                ' selected',
            )
        t_3.extend((
            '>',
            escape(environment.finalize(environment.getattr(l_2_choice, 'label'))),
            '</option>\n',
        ))
    l_2_choice = l_2_defaults = missing
    t_3.extend((
        '</select>\n</div>\n<button type="button" class="statement-compare__swap" data-compare-swap aria-label="',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Swap the two versions'))),
        '"><span aria-hidden="true">&#8644;</span> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Swap'))),
        '</button>\n<div class="statement-compare__field">\n<label for="compare-to">',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'To the version effective'))),
        '</label>\n<select id="compare-to" name="to">\n',
    ))
    for l_2_choice in (undefined(name='choices') if l_1_choices is missing else l_1_choices):
        l_2_defaults = resolve('defaults')
        _loop_vars = {}
        pass
        t_3.extend((
            '<option value="',
            escape(environment.finalize(environment.getattr(l_2_choice, 'value'))),
            '"',
        ))
        if (environment.getattr(l_2_choice, 'value') == environment.getattr((undefined(name='defaults') if l_2_defaults is missing else l_2_defaults), 'to')):
            pass
            t_3.append(
                ' selected',
            )
        t_3.extend((
            '>',
            escape(environment.finalize(environment.getattr(l_2_choice, 'label'))),
            '</option>\n',
        ))
    l_2_choice = l_2_defaults = missing
    t_3.extend((
        '</select>\n</div>\n<noscript><button type="submit">',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare'))),
        '</button></noscript>\n</form>\n<div class="statement-compare__controls" data-compare-controls hidden>\n<fieldset>\n<legend>',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'View'))),
        '</legend>\n<label><input type="radio" name="compare-view" value="inline" checked> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Inline'))),
        '</label>\n<label><input type="radio" name="compare-view" value="side-by-side"> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Side by side'))),
        '</label>\n</fieldset>\n<label><input type="checkbox" data-compare-only> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Only changed passages'))),
        '</label>\n<label><input type="checkbox" data-compare-formatting> ',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Mark formatting-only changes'))),
        '</label>\n</div>\n</div>\n<p class="statement-compare__notice" data-compare-notice hidden></p>\n<p class="statement-compare__status" role="status" aria-live="polite" data-compare-status></p>\n<div class="statement-compare__result redline-views" data-compare-result hidden>\n<p class="statement-print-only statement-print-ref" data-compare-print></p>\n<h2 id="comparison" data-compare-title>',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Comparison'))),
        '</h2>\n<p class="statement-compare__summary" data-compare-summary></p>\n<nav class="statement-links" aria-label="',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This comparison'))),
        '"><ul class="statement-plain-list" data-compare-links></ul></nav>\n<p class="redline-legend">',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '<del>Deleted text</del> is struck through and <ins>inserted text</ins> underlined; screen readers announce each.'))),
        '</p>\n<div class="redline redline-inline" data-compare-inline></div>\n<div class="redline redline-side-by-side" data-compare-side-by-side hidden></div>\n</div>\n<noscript>\n<p>',
        escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Comparing two chosen versions needs JavaScript. Without it, each version\'s "What changed" page shows its changes against the version before it:'))),
        '</p>\n<ul>\n',
    ))
    def t_4(fiter):
        for l_2_choice in fiter:
            if environment.getattr(l_2_choice, 'changes'):
                yield l_2_choice
    for l_2_choice in t_4((undefined(name='choices') if l_1_choices is missing else l_1_choices)):
        _loop_vars = {}
        pass
        t_3.extend((
            '<li><a href="',
            escape(environment.finalize(environment.getattr(l_2_choice, 'changes'))),
            '">',
            escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changed on %(date)s', date=environment.getattr(l_2_choice, 'label'), _loop_vars=_loop_vars))),
            '</a></li>\n',
        ))
    l_2_choice = missing
    t_3.append(
        '</ul>\n</noscript>\n</div>\n',
    )
    l_0_picker = (Markup if context.eval_ctx.autoescape else identity)(concat(t_3))
    context.vars['picker'] = l_0_picker
    context.exported_vars.add('picker')
    l_1_choices = l_1_messages = missing
    yield escape(environment.finalize(context.call((undefined(name='ready_made') if l_0_ready_made is missing else l_0_ready_made), (undefined(name='picker') if l_0_picker is missing else l_0_picker))))

blocks = {}
debug_info = '1=28&3=30&6=38&8=52&10=54&12=57&13=63&17=79&19=83&21=86&22=92&26=108&30=110&31=112&32=114&34=116&35=118&42=120&44=122&45=124&50=126&52=129&53=138&5=147&59=151'
